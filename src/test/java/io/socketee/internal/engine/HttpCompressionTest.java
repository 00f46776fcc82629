package io.socketee.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketee.internal.engine.HttpCompression.Coding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

class HttpCompressionTest {
    private static final byte[] LARGE = ("4" + "[\"chat\",\"hello\"]".repeat(100)).getBytes(StandardCharsets.UTF_8);

    @Test
    void aBodyAtTheThresholdIsGzippedWhenTheClientAcceptsGzipAndDecompressesToItself() throws IOException {
        byte[] body = new byte[1024];
        java.util.Arrays.fill(body, (byte) 'a');
        HttpCompression.Encoded e = HttpCompression.DEFAULT.apply(body, Optional.of("gzip, deflate, br"));
        assertEquals(Optional.of(Coding.GZIP), e.coding());
        assertTrue(e.bytes().length < body.length);
        assertArrayEquals(body, new GZIPInputStream(new ByteArrayInputStream(e.bytes())).readAllBytes());
    }

    @Test
    void deflateIsTheZlibStreamHttpCallsDeflate() throws IOException {
        HttpCompression.Encoded e = HttpCompression.DEFAULT.apply(LARGE, Optional.of("deflate"));
        assertEquals(Optional.of(Coding.DEFLATE), e.coding());
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(e.bytes()))) {
            assertArrayEquals(LARGE, in.readAllBytes());
        }
    }

    @Test
    void aBodyBelowTheThresholdIsSentAsItIs() {
        byte[] body = new byte[1023];
        HttpCompression.Encoded e = HttpCompression.DEFAULT.apply(body, Optional.of("gzip"));
        assertEquals(Optional.empty(), e.coding());
        assertSame(body, e.bytes());
    }

    @Test
    void withoutAcceptEncodingOrWithAnUnknownCodingTheBodyIsSentAsItIs() {
        assertEquals(Optional.empty(), HttpCompression.DEFAULT.apply(LARGE, Optional.empty()).coding());
        HttpCompression.Encoded br = HttpCompression.DEFAULT.apply(LARGE, Optional.of("br, identity"));
        assertEquals(Optional.empty(), br.coding());
        assertSame(LARGE, br.bytes());
    }

    @Test
    void turnedOffNothingIsCompressed() {
        assertEquals(Optional.empty(), HttpCompression.OFF.apply(LARGE, Optional.of("gzip")).coding());
    }

    @Test
    void theThresholdIsConfigurable() {
        assertEquals(Optional.empty(), new HttpCompression(true, LARGE.length + 1).apply(LARGE, Optional.of("gzip")).coding());
        assertEquals(Optional.of(Coding.GZIP), new HttpCompression(true, LARGE.length).apply(LARGE, Optional.of("gzip")).coding());
    }

    @Test
    void theHigherQualityWinsAndZeroRefuses() {
        assertEquals(Optional.of(Coding.DEFLATE), HttpCompression.preferred("gzip;q=0.5, deflate"));
        assertEquals(Optional.of(Coding.DEFLATE), HttpCompression.preferred("gzip;q=0, deflate;q=0.1"));
        assertEquals(Optional.empty(), HttpCompression.preferred("gzip;q=0, deflate;q=0"));
    }

    @Test
    void atEqualQualityTheClientsOrderDecidesAndANamedCodingBeatsTheWildcard() {
        assertEquals(Optional.of(Coding.DEFLATE), HttpCompression.preferred("deflate, gzip"));
        assertEquals(Optional.of(Coding.GZIP), HttpCompression.preferred("GZIP, deflate"));
        assertEquals(Optional.of(Coding.GZIP), HttpCompression.preferred("*"));
        assertEquals(Optional.of(Coding.DEFLATE), HttpCompression.preferred("*, deflate"));
        assertEquals(Optional.of(Coding.DEFLATE), HttpCompression.preferred("*;q=0.5, gzip;q=0"));
    }

    @Test
    void aMalformedQualityRefusesThatCoding() {
        assertEquals(Optional.of(Coding.DEFLATE), HttpCompression.preferred("gzip;q=x, deflate"));
    }
}
