package io.socketee.internal.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ContainerQuirksTest {

    /** Stands in for Undertow's session, which hands out the executor of its messages. */
    public static final class WithExecutor {
        final Executor executor = Runnable::run;

        public Executor getExecutor() {
            return executor;
        }
    }

    /** A getExecutor that returns something else. */
    public static final class WithOtherGetter {
        public String getExecutor() {
            return "not an executor";
        }
    }

    @Test
    void aPublicGetExecutorIsFound() {
        WithExecutor target = new WithExecutor();
        assertSame(target.executor, ContainerQuirks.publicExecutor(target));
    }

    @Test
    void noExecutorWhereTheGetterIsMissingOrReturnsSomethingElse() {
        assertNull(ContainerQuirks.publicExecutor(new Object()));
        assertNull(ContainerQuirks.publicExecutor(new WithOtherGetter()));
    }

    /** A session that hands out an executor as Undertow's does, on a container that is not Undertow. */
    public interface SessionWithExecutor extends Session {
        Executor getExecutor();
    }

    @Test
    void otherContainersSessionsReportTheirCloseInLineEvenWithAnExecutorGetter() {
        Executor executor = Runnable::run;
        Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SessionWithExecutor.class},
                (proxy, method, args) -> method.getName().equals("getExecutor") ? executor : null);
        assertSame(executor, ContainerQuirks.publicExecutor(session), "the session does hand out an executor");
        assertNull(ContainerQuirks.messageExecutor(session), "only Undertow's session is asked for its executor");
    }

    /** Stands in for Open Liberty's link states (enums in Liberty; only their names matter). */
    public enum LinkStatus { IO_OK, LOCAL_CLOSING, CLOSED }

    /** Stands in for Open Liberty's read states. */
    public enum ReadLinkStatus { OK_TO_READ, READ_ON_WIRE, CLOSE_REQUESTED, ON_READ_THREAD }

    /** Stands in for Open Liberty's {@code WsocConnLink}: public state, and the device close. */
    public static final class Link {
        public final Object linkSync = new Object();
        public Enum<?> linkStatus;
        public Enum<?> readLinkStatus;
        String deviceClosedWith;
        private TcpConnection tcpConnection; // private in Liberty too
        final java.util.List<String> events = new java.util.ArrayList<>();

        Link(Enum<?> linkStatus, Enum<?> readLinkStatus) {
            this.linkStatus = linkStatus;
            this.readLinkStatus = readLinkStatus;
        }

        public void closeUsingSession(CloseReason reason, boolean readForCloseFrame, boolean rightToDeviceLink) {
            assertFalse(readForCloseFrame);
            assertTrue(rightToDeviceLink);
            linkStatus = LinkStatus.CLOSED;
            deviceClosedWith = reason.getCloseCode().getCode() + " " + reason.getReasonPhrase();
            events.add("device closed");
        }
    }

    /** Stands in for Open Liberty's {@code TCPRequestContext}/{@code TCPWriteRequestContext}. */
    public interface WriteContext {
        int ABORT_TIMEOUT = -3;

        long write(long numBytes, int timeout);
    }

    /** Stands in for Open Liberty's {@code TCPConnectionContext}. */
    public interface TcpConnection {
        WriteContext getWriteInterface();
    }

    /** A TCP connection whose classes are not public, as Liberty's implementations are to SocketEE. */
    private static TcpConnection tcp(java.util.List<String> events) {
        final class Writer implements WriteContext {
            @Override
            public long write(long numBytes, int timeout) {
                events.add("write " + numBytes + " with timeout " + timeout);
                return 0;
            }
        }
        final class Connection implements TcpConnection {
            @Override
            public WriteContext getWriteInterface() {
                return new Writer();
            }
        }
        return new Connection();
    }

    /** Stands in for Open Liberty's {@code SessionImpl}, whose link is a package-private field. */
    public static final class Impl {
        Link connLink;
    }

    /** Stands in for Open Liberty's {@code SessionExt}. */
    public static final class Ext {
        final Impl impl = new Impl();

        Ext(Link link) {
            impl.connLink = link;
        }

        public Impl getSessionImpl() {
            return impl;
        }
    }

    private static final CloseReason NORMAL = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "");

    /** After an invalid close code Liberty reads no more: a close it then sends waits for ever, so the device is closed. */
    @Test
    void aClosingLibertyLinkThatNothingReadsIsClosedAtItsDevice() {
        Link link = new Link(LinkStatus.LOCAL_CLOSING, ReadLinkStatus.OK_TO_READ);
        assertTrue(ContainerQuirks.endStuckLibertyLink(new Ext(link), NORMAL));
        assertEquals("1000 ", link.deviceClosedWith);
        assertEquals(LinkStatus.CLOSED, link.linkStatus);
    }

    /** A read on its way, or a reading thread, finishes the close itself: the link is left alone. */
    @Test
    void aClosingLibertyLinkWithAReaderIsLeftToFinish() {
        for (ReadLinkStatus read : java.util.List.of(ReadLinkStatus.READ_ON_WIRE, ReadLinkStatus.CLOSE_REQUESTED,
                ReadLinkStatus.ON_READ_THREAD)) {
            Link link = new Link(LinkStatus.LOCAL_CLOSING, read);
            assertFalse(ContainerQuirks.endStuckLibertyLink(new Ext(link), NORMAL), read.name());
            assertNull(link.deviceClosedWith, read.name());
        }
    }

    /** An open or closed link is not the container's stuck close. */
    @Test
    void openOrClosedLibertyLinksAreLeftAlone() {
        for (LinkStatus status : java.util.List.of(LinkStatus.IO_OK, LinkStatus.CLOSED)) {
            Link link = new Link(status, ReadLinkStatus.OK_TO_READ);
            assertFalse(ContainerQuirks.endStuckLibertyLink(new Ext(link), NORMAL), status.name());
            assertNull(link.deviceClosedWith, status.name());
        }
    }

    /**
     * A close that did not end: the write waiting on the TCP connection (Liberty's close frame)
     * is failed first, through the channel's public abort, then the device is closed.
     */
    @Test
    void anAbortedLibertyLinkFailsItsWaitingWriteThenClosesItsDevice() {
        Link link = new Link(LinkStatus.LOCAL_CLOSING, ReadLinkStatus.CLOSE_REQUESTED);
        link.tcpConnection = tcp(link.events);
        assertTrue(ContainerQuirks.abortLibertyLink(new Ext(link), NORMAL));
        assertEquals(java.util.List.of("write 0 with timeout -3", "device closed"), link.events);
        assertEquals(LinkStatus.CLOSED, link.linkStatus);
    }

    /** A closed link is not aborted again; a link without a TCP connection still has its device closed. */
    @Test
    void anAbortLeavesClosedLinksAloneAndNeedsNoTcpConnection() {
        Link closed = new Link(LinkStatus.CLOSED, ReadLinkStatus.OK_TO_READ);
        closed.tcpConnection = tcp(closed.events);
        assertFalse(ContainerQuirks.abortLibertyLink(new Ext(closed), NORMAL));
        assertEquals(java.util.List.of(), closed.events);

        Link bare = new Link(LinkStatus.IO_OK, ReadLinkStatus.OK_TO_READ);
        assertTrue(ContainerQuirks.abortLibertyLink(new Ext(bare), NORMAL));
        assertEquals(java.util.List.of("device closed"), bare.events);
    }

    /** Anything not shaped like Liberty's session is left alone. */
    @Test
    void otherSessionsAreNeverInspectedAsLibertys() {
        assertFalse(ContainerQuirks.endStuckLibertyLink(new Object(), NORMAL));
        Session untouchable = (Session) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Session.class}, (proxy, method, args) -> {
                    throw new AssertionError("called " + method.getName());
                });
        ContainerQuirks.endStuckConnection(untouchable, NORMAL);
    }
}
