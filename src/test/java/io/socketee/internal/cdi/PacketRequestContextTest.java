package io.socketee.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each unit runs with a request context of its own, activated and ended around it, on
 * controllers taken from a pool: a new one only when every other is in use.
 */
class PacketRequestContextTest {
    private final List<String> log = new ArrayList<>();
    private final Controllers controllers = new Controllers();
    private final PacketRequestContext scope = new PacketRequestContext(controllers);

    @Test
    void eachUnitRunsBetweenAnActivationAndItsEnd() {
        scope.run(() -> log.add("unit 1"));
        scope.run(() -> log.add("unit 2"));
        assertEquals(List.of("get c1", "activate c1", "unit 1", "deactivate c1", "activate c1", "unit 2", "deactivate c1"), log,
                "one controller, reused by units one after the other");
    }

    @Test
    void aUnitInsideAnotherTakesAControllerOfItsOwnAndLeavesTheActiveContextAlone() {
        scope.run(() -> scope.run(() -> log.add("inner")));
        assertEquals(List.of("get c1", "activate c1", "get c2", "inner", "deactivate c1"), log,
                "c2 finds a context active (c1's): it neither activates nor ends one");
    }

    @Test
    void aContextLeftActiveOnAPooledThreadIsEndedAndTheUnitGetsItsOwn() {
        PacketRequestContext pooled = new PacketRequestContext(controllers, Optional.of(leftovers()));
        controllers.active = true; // what a container left on its thread
        pooled.run(() -> log.add("unit"));
        assertEquals(List.of("get c1", "leftover ended", "activate c1", "unit", "deactivate c1"), log);
    }

    @Test
    void onAPooledThreadAUnitInsideAnotherStillKeepsTheOutersContext() {
        PacketRequestContext pooled = new PacketRequestContext(controllers, Optional.of(leftovers()));
        pooled.run(() -> pooled.run(() -> log.add("inner")));
        assertEquals(List.of("get c1", "activate c1", "get c2", "inner", "deactivate c1"), log,
                "the active context is c1's, not a leftover: nothing is ended");
    }

    @Test
    void inlineUnitsRunInTheRequestContextTheyFind() {
        controllers.active = true; // a servlet request's
        scope.run(() -> log.add("inline unit"));
        assertEquals(List.of("get c1", "inline unit"), log, "neither ended nor replaced");
    }

    /** Ends whatever context is active, as a container's leftover, and logs it. */
    private LeftoverRequestContext leftovers() {
        return new LeftoverRequestContext(() -> {
            if (!controllers.active) {
                return Optional.empty();
            }
            Runnable context = () -> {
                controllers.active = false;
                log.add("leftover ended");
            };
            return Optional.of(new LeftoverRequestContextTest.PublicDeactivate() {
                @Override
                public void deactivate() {
                    context.run();
                }
            });
        });
    }

    @Test
    void aFailingUnitStillEndsItsContextAndGivesItsControllerBack() {
        assertThrows(IllegalStateException.class, () -> scope.run(() -> {
            throw new IllegalStateException("handler failed");
        }));
        scope.run(() -> log.add("next"));
        assertEquals(List.of("get c1", "activate c1", "deactivate c1", "activate c1", "next", "deactivate c1"), log);
    }

    @Test
    void releaseDestroysTheIdleControllersAndAnyTakenAfterwards() {
        scope.run(() -> log.add("unit"));
        scope.release();
        scope.run(() -> log.add("late unit"));
        assertEquals(List.of("get c1", "activate c1", "unit", "deactivate c1", "destroy c1",
                "get c2", "activate c2", "late unit", "deactivate c2", "destroy c2"), log);
    }

    /** Controllers that log what is done with them; a context is active while one has activated it. */
    private final class Controllers implements Instance<RequestContextController> {
        private int made;
        private boolean active;

        @Override
        public Handle<RequestContextController> getHandle() {
            String name = "c" + ++made;
            log.add("get " + name);
            RequestContextController controller = new RequestContextController() {
                private boolean activator;

                @Override
                public boolean activate() {
                    if (active) {
                        return false;
                    }
                    active = true;
                    activator = true;
                    log.add("activate " + name);
                    return true;
                }

                @Override
                public void deactivate() {
                    if (activator) {
                        active = false;
                        activator = false;
                        log.add("deactivate " + name);
                    }
                }
            };
            return new Handle<>() {
                @Override
                public RequestContextController get() {
                    return controller;
                }

                @Override
                public jakarta.enterprise.inject.spi.Bean<RequestContextController> getBean() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void destroy() {
                    log.add("destroy " + name);
                }

                @Override
                public void close() {
                    destroy();
                }
            };
        }

        @Override
        public Instance<RequestContextController> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends RequestContextController> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends RequestContextController> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isUnsatisfied() {
            return false;
        }

        @Override
        public boolean isAmbiguous() {
            return false;
        }

        @Override
        public void destroy(RequestContextController instance) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<? extends Handle<RequestContextController>> handles() {
            throw new UnsupportedOperationException();
        }

        @Override
        public RequestContextController get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterator<RequestContextController> iterator() {
            throw new UnsupportedOperationException();
        }
    }
}
