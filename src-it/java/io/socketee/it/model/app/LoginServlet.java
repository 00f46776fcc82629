package io.socketee.it.model.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Logs a user in: puts {@code user} in a new HTTP session, as a web application's login would. */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.getSession(true).setAttribute("user", req.getParameter("user"));
        resp.setContentType("text/plain");
        resp.getWriter().write("ok");
    }
}
