package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A request context left active on a thread is ended through a public {@code deactivate()} of
 * its class or of an interface it implements (Weld's {@code ManagedContext}), even when its own
 * class is not public; a context without one, or no context, is left alone.
 */
class LeftoverRequestContextTest {

    /** Stands for Weld's public {@code ManagedContext}. */
    public interface PublicDeactivate {
        void deactivate();
    }

    /** A context whose class is not public, as Weld's implementations may be to a caller. */
    private static final class HiddenContext implements PublicDeactivate {
        final List<String> calls = new ArrayList<>();

        @Override
        public void deactivate() {
            calls.add("deactivate");
        }
    }

    @Test
    void aContextIsEndedThroughThePublicInterfaceOfItsHiddenClass() {
        HiddenContext context = new HiddenContext();
        assertTrue(new LeftoverRequestContext(() -> Optional.of(context)).end());
        assertEquals(List.of("deactivate"), context.calls);
    }

    @Test
    void withNoActiveContextNothingIsEnded() {
        assertFalse(new LeftoverRequestContext(Optional::empty).end());
    }

    @Test
    void aContextThatCannotBeDeactivatedIsLeftAlone() {
        assertFalse(new LeftoverRequestContext(() -> Optional.of(new Object())).end());
    }

    @Test
    void aContextWhoseDeactivateFailsIsReportedAsNotEnded() {
        PublicDeactivate failing = () -> {
            throw new IllegalStateException("not the activator");
        };
        assertFalse(new LeftoverRequestContext(() -> Optional.of(failing)).end());
    }
}
