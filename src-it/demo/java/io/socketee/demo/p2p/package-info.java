/**
 * The P2P exchange example (seed 000, egg-socket.io's full example) in the namespace
 * {@value io.socketee.demo.p2p.P2pController#NAMESPACE}: the {@code auth} connection middleware
 * admits only clients naming a registered room, the room hears the {@code online} roster on every
 * join and leave, and {@code exchange} delivers a payload to one socket id.
 */
package io.socketee.demo.p2p;
