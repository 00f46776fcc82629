/**
 * The signed HTTP push example (seed 001): {@code POST api/transportMessage} delivers a message to
 * one client of the namespace {@value io.socketee.demo.push.PushController#NAMESPACE}, by socket
 * id or by a user id that survives reconnects, once its signature, timestamp and freshness check.
 */
package io.socketee.demo.push;
