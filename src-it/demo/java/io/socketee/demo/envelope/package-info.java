/**
 * The message envelope of the egg-socket.io examples (seeds 000 and 001), shared by the P2P and
 * push demos: egg's {@code helper.parseMsg(action, payload, metadata)}.
 */
package io.socketee.demo.envelope;
