package io.socketee.internal.protocol.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double exactly as JavaScript's {@code Number.prototype.toString()} does (ECMA-262
 * Number::toString): the shortest decimal that reads back as the same double, the closest one
 * when several qualify, plain notation for exponents in [-6, 21), else {@code 1.5e-7} style.
 *
 * <p>From JDK 19 on, {@link Double#toString(double)} is specified to give those same digits and is
 * used directly. On older runtimes its digits may be longer than needed or not the closest, so
 * they are verified and shortened. Stateless, thread-safe.
 */
final class JsNumber {
    private static final boolean JDK_TOSTRING_IS_SHORTEST = Runtime.version().feature() >= 19;
    private static final double TWO_POW_53 = 9007199254740992.0;

    private JsNumber() {
    }

    /** Decimal digits {@code d1d2...dk} (no leading or trailing zero) and exponent n: 0.d1d2... × 10^n. */
    record Decimal(String digits, int n) {
    }

    /** The JavaScript string for {@code v}; "NaN", "Infinity" and "-Infinity" for non-finite. */
    static String toString(double v) {
        StringBuilder sb = new StringBuilder(24);
        append(v, sb);
        return sb.toString();
    }

    /** Appends the JavaScript string for {@code v}. */
    static void append(double v, StringBuilder out) {
        if (v == 0) {
            out.append('0');
        } else if (Math.abs(v) < TWO_POW_53 && v == Math.rint(v)) {
            out.append((long) v);
        } else if (Double.isNaN(v)) {
            out.append("NaN");
        } else if (Double.isInfinite(v)) {
            out.append(v > 0 ? "Infinity" : "-Infinity");
        } else {
            if (v < 0) {
                out.append('-');
                v = -v;
            }
            format(JDK_TOSTRING_IS_SHORTEST ? fromJdk(v) : shortestVerified(v), out);
        }
    }

    /** Lays out digits per Number::toString. */
    static void format(Decimal d, StringBuilder out) {
        String s = d.digits();
        int k = s.length();
        int n = d.n();
        if (k <= n && n <= 21) {
            out.append(s);
            out.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(s, 0, n).append('.').append(s, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(s);
        } else {
            int e = n - 1;
            out.append(s.charAt(0));
            if (k > 1) {
                out.append('.').append(s, 1, k);
            }
            out.append('e').append(e >= 0 ? '+' : '-').append(Math.abs(e));
        }
    }

    /** The digits of {@link Double#toString(double)} for a positive finite v. */
    static Decimal fromJdk(double v) {
        String t = Double.toString(v);
        int ePos = t.indexOf('E');
        String mantissa = ePos < 0 ? t : t.substring(0, ePos);
        int exp = ePos < 0 ? 0 : Integer.parseInt(t.substring(ePos + 1));
        int dot = mantissa.indexOf('.');
        String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = dot;
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') {
            lead++;
        }
        int trail = all.length();
        while (trail > lead + 1 && all.charAt(trail - 1) == '0') {
            trail--;
        }
        return new Decimal(all.substring(lead, trail), point - lead + exp);
    }

    /** Shortest, closest digits for a positive finite v without trusting the JDK's minimality. */
    static Decimal shortestVerified(double v) {
        Decimal jdk = fromJdk(v);
        int k = jdk.digits().length();
        if (k <= 15 && v >= Double.MIN_NORMAL) {
            // any two decimals of at most 15 digits (DBL_DIG) read back as different doubles,
            // so no shorter or other decimal of k digits reads back as v
            return jdk;
        }
        if (someRoundTrips(jdk, k - 1, v)) {
            do {
                k--;
            } while (k > 1 && someRoundTrips(jdk, k - 1, v));
        } else if (!readsAs(increment(jdk.digits(), jdk.n()), v) && !readsAs(decrement(jdk), v)) {
            return jdk; // the only decimal of k digits that reads back as v
        }
        Decimal closest = closestAt(v, k);
        return closest != null ? closest : jdk;
    }

    private static boolean readsAs(Decimal d, double v) {
        return d != null && reads(d.digits(), d.n()) == v;
    }

    /** The next smaller decimal with as many significant digits, or null below the smallest. */
    private static Decimal decrement(Decimal d) {
        char[] c = d.digits().toCharArray();
        int i = c.length - 1;
        while (i >= 0 && c[i] == '0') {
            c[i--] = '9';
        }
        c[i]--;
        if (c[0] == '0') {
            return c.length == 1 && d.n() == Integer.MIN_VALUE ? null : new Decimal("9".repeat(c.length), d.n() - 1);
        }
        int end = c.length;
        while (end > 1 && c[end - 1] == '0') {
            end--;
        }
        return new Decimal(new String(c, 0, end), d.n());
    }

    /** Whether some decimal of {@code k} significant digits reads back as v. */
    private static boolean someRoundTrips(Decimal s, int k, double v) {
        String truncated = s.digits().substring(0, k);
        if (reads(truncated, s.n()) == v) {
            return true;
        }
        Decimal up = increment(truncated, s.n());
        return reads(up.digits(), up.n()) == v;
    }

    private static Decimal increment(String digits, int n) {
        char[] c = digits.toCharArray();
        int i = c.length - 1;
        while (i >= 0 && c[i] == '9') {
            c[i--] = '0';
        }
        if (i < 0) {
            return new Decimal("1", n + 1);
        }
        c[i]++;
        return new Decimal(new String(c, 0, i + 1), n);
    }

    private static double reads(String digits, int n) {
        return Double.parseDouble("0." + digits + "E" + n);
    }

    /** Of the k-digit decimals just below and above v, the closer one that reads back as v. */
    private static Decimal closestAt(double v, int k) {
        BigDecimal exact = new BigDecimal(v);
        BigDecimal lo = exact.round(new MathContext(k, RoundingMode.FLOOR));
        BigDecimal hi = exact.round(new MathContext(k, RoundingMode.CEILING));
        boolean loOk = Double.parseDouble(lo.toString()) == v;
        boolean hiOk = Double.parseDouble(hi.toString()) == v;
        if (loOk && hiOk && lo.compareTo(hi) != 0) {
            int cmp = exact.subtract(lo).compareTo(hi.subtract(exact));
            if (cmp == 0) {
                return lo.unscaledValue().testBit(0) ? toDecimal(hi) : toDecimal(lo);
            }
            return toDecimal(cmp < 0 ? lo : hi);
        }
        if (loOk) {
            return toDecimal(lo);
        }
        return hiOk ? toDecimal(hi) : null;
    }

    private static Decimal toDecimal(BigDecimal b) {
        BigDecimal stripped = b.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new Decimal(digits, digits.length() - stripped.scale());
    }
}
