/**
 * The tutorial chat (seed 004's first example) on the main namespace "/": a page with a form, and
 * every {@code chat message} sent to everyone.
 */
package io.socketee.demo.tutorial;
