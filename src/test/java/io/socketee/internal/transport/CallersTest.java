package io.socketee.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.socketee.internal.engine.Caller;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The caller of a handshake: its principal and the declared roles the live request says it is in. */
class CallersTest {
    private static final Principal ANN = () -> "ann";

    @Test
    void anAnonymousRequestHasNoPrincipalAndIsNeverAskedAboutRoles() {
        List<String> asked = new ArrayList<>();
        Caller caller = new Callers(Set.of("chat")).of(null, role -> asked.add(role));
        assertSame(Caller.ANONYMOUS, caller);
        assertEquals(List.of(), asked);
    }

    @Test
    void anAuthenticatedRequestKeepsItsPrincipalAndTheDeclaredRolesItIsIn() {
        Caller caller = new Callers(Set.of("chat", "admin", "broken"))
                .of(ANN, role -> switch (role) {
                    case "chat" -> true;
                    case "broken" -> throw new IllegalStateException("request recycled");
                    default -> false;
                });
        assertEquals(new Caller(Optional.of(ANN), Set.of("chat")), caller);
    }

    @Test
    void webXmlDeclaresItsSecurityRolesAndTheRolesOfItsConstraintsButNoWildcards() {
        String webXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <security-constraint>
                    <web-resource-collection><url-pattern>/socket.io/*</url-pattern></web-resource-collection>
                    <auth-constraint><role-name>**</role-name><role-name>viewer</role-name></auth-constraint>
                  </security-constraint>
                  <security-role><role-name> chat </role-name></security-role>
                  <security-role><role-name>*</role-name></security-role>
                  <servlet><security-role-ref><role-name>alias</role-name></security-role-ref></servlet>
                </web-app>
                """;
        assertEquals(Set.of("viewer", "chat"), Callers.declaredIn(stream(webXml)));
    }

    @Test
    void aWebXmlWithAnExternalDoctypeIsReadWithoutFetchingIt() {
        String webXml = """
                <?xml version="1.0"?>
                <!DOCTYPE web-app PUBLIC "-//Sun Microsystems, Inc.//DTD Web Application 2.3//EN"
                    "http://192.0.2.1/web-app_2_3.dtd">
                <web-app><security-role><role-name>chat</role-name></security-role></web-app>
                """;
        assertEquals(Set.of("chat"), Callers.declaredIn(stream(webXml)));
    }

    @Test
    void noOrBrokenWebXmlDeclaresNothing() {
        assertEquals(Set.of(), Callers.declaredIn(null));
        assertEquals(Set.of(), Callers.declaredIn(stream("<web-app><security-role>")));
    }

    @DeclareRoles({"chat", "admin"})
    static class Declaring {
        @RolesAllowed({"auditor", "**"})
        void audit() {
        }
    }

    @RolesAllowed("chat")
    static class Allowing {
    }

    @Test
    void declareRolesAndRolesAllowedOnClassesAndMethodsDeclareRoles() {
        assertEquals(Set.of("chat", "admin", "auditor"), Callers.declaredOn(List.of(Declaring.class, Allowing.class)));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
