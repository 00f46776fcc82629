/**
 * Handlers (controllers) found at deployment: how their parameters are resolved, and how they are
 * installed on the server and called, with no CDI lookup per packet.
 */
package io.socketee.internal.handler;
