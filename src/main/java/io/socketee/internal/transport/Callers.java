package io.socketee.internal.transport;

import io.socketee.internal.engine.Caller;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Makes the {@link Caller} of a handshake from the container's authenticated request, while that
 * request is live: its principal, and which of the application's declared roles it is in. A
 * container answers {@code isUserInRole} only during its request (a WebSocket's
 * {@code HandshakeRequest} only during the opening handshake), and neither Servlet nor Jakarta
 * Security can list a caller's roles, so the roles asked about are the ones the application
 * declares: {@code <security-role>} in {@code web.xml} and {@code @DeclareRoles} /
 * {@code @RolesAllowed} on its classes.
 *
 * <p>Immutable and thread-safe.
 */
public final class Callers {
    private static final Logger LOG = Logger.getLogger(Callers.class.getName());
    /** Callers of an application that declares no role: principals only. */
    public static final Callers NO_ROLES = new Callers(Set.of());

    private final Set<String> declaredRoles;

    /** @param declaredRoles the role names to test each authenticated handshake for */
    public Callers(Set<String> declaredRoles) {
        this.declaredRoles = Set.copyOf(declaredRoles);
    }

    /** The role names tested at each authenticated handshake. */
    public Set<String> declaredRoles() {
        return declaredRoles;
    }

    /**
     * The caller of a live request.
     *
     * @param principal the request's authenticated principal, {@code null} when anonymous
     * @param inRole the request's own role check ({@code isUserInRole})
     * @return {@link Caller#ANONYMOUS} without a principal, else the principal and its declared roles
     */
    public Caller of(Principal principal, Predicate<String> inRole) {
        if (principal == null) {
            return Caller.ANONYMOUS;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : declaredRoles) {
            try {
                if (inRole.test(role)) {
                    roles.add(role);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "isUserInRole(\"" + role + "\") failed; taken as false", e);
            }
        }
        return new Caller(Optional.of(principal), roles);
    }

    /**
     * The role names a {@code web.xml} declares ({@code <security-role><role-name>}) and names in
     * its security constraints, but not the wildcards {@code *} and {@code **}. A document that
     * cannot be parsed declares none here (the container reports it anyway).
     *
     * @param webXml the descriptor, or {@code null} when the application has none
     * @return the role names, in document order
     */
    public static Set<String> declaredIn(InputStream webXml) {
        Set<String> roles = new LinkedHashSet<>();
        if (webXml == null) {
            return roles;
        }
        try (webXml) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setExpandEntityReferences(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // no DTD or entity fetched: features of the JDK's parser, which another may not know
            for (String feature : List.of("http://apache.org/xml/features/nonvalidating/load-external-dtd",
                    "http://xml.org/sax/features/external-general-entities",
                    "http://xml.org/sax/features/external-parameter-entities")) {
                try {
                    f.setFeature(feature, false);
                } catch (ParserConfigurationException e) {
                    LOG.log(Level.FINE, "the XML parser does not know " + feature, e);
                }
            }
            NodeList names = f.newDocumentBuilder().parse(webXml).getElementsByTagNameNS("*", "role-name");
            for (int i = 0; i < names.getLength(); i++) {
                Node parent = names.item(i).getParentNode();
                String container = parent instanceof Element e ? e.getLocalName() : "";
                String name = names.item(i).getTextContent().trim();
                if (("security-role".equals(container) || "auth-constraint".equals(container))
                        && !name.isEmpty() && !"*".equals(name) && !"**".equals(name)) {
                    roles.add(name);
                }
            }
        } catch (IOException | ParserConfigurationException | SAXException e) {
            LOG.log(Level.WARNING, "SOCKETEE-BOOT-015 cannot read the security roles of web.xml: "
                    + "handshakes test none of them", e);
        }
        return roles;
    }

    /**
     * The role names of {@code @DeclareRoles} and {@code @RolesAllowed} on the given classes and
     * (for {@code @RolesAllowed}) their methods.
     *
     * @param classes the application's classes to look at
     * @return the role names
     */
    public static Set<String> declaredOn(Collection<Class<?>> classes) {
        Set<String> roles = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            DeclareRoles declared = c.getAnnotation(DeclareRoles.class);
            if (declared != null) {
                roles.addAll(java.util.Arrays.asList(declared.value()));
            }
            RolesAllowed allowed = c.getAnnotation(RolesAllowed.class);
            if (allowed != null) {
                roles.addAll(java.util.Arrays.asList(allowed.value()));
            }
            try {
                for (var m : c.getDeclaredMethods()) {
                    RolesAllowed onMethod = m.getAnnotation(RolesAllowed.class);
                    if (onMethod != null) {
                        roles.addAll(java.util.Arrays.asList(onMethod.value()));
                    }
                }
            } catch (LinkageError e) {
                LOG.log(Level.FINE, "cannot read the methods of " + c.getName(), e);
            }
        }
        roles.remove("*");
        roles.remove("**");
        return roles;
    }
}
