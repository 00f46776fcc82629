/** The benchmark application of issue 7: the echo/join/fanout contract on SocketEE, deployed as its own WAR. */
package io.socketee.bench.app;
