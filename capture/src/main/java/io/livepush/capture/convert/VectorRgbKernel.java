package io.livepush.capture.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The packed RGB to I420 kernel on the JDK's Vector API ({@code jdk.incubator.vector}): the same
 * integer formulas as {@link RgbToI420}'s scalar path, lane for lane, so the output is bit-exact.
 *
 * <p>Loaded only by {@link RgbKernelChoice} after it has seen the module in the boot layer; no
 * other class names it, so a JVM started without {@code --add-modules jdk.incubator.vector} never
 * resolves it. Stateless: one instance serves every converter and thread.
 *
 * <p>Layout of one step, {@code LANES} pixels (16 with AVX-512, 8 with AVX2) of two rows:
 * <ul>
 *   <li>each pixel is one little-endian int lane, read straight from the source buffer;
 *       {@code p & 0x00ff00ff} holds the outer channels in two 16-bit halves and
 *       {@code p >>> 8 & 0xff} is G, exactly as in the scalar path;</li>
 *   <li>luma per lane, narrowed to bytes and stored as one vector per row;</li>
 *   <li>chroma: the two rows' lanes are added, then each pair of int lanes is seen as one long
 *       lane and folded ({@code l + (l >>> 32)}), which leaves each 2x2 block's sums in the even
 *       int lanes; U and V are computed per lane and the long-to-byte narrowing keeps exactly the
 *       even int lanes' low bytes.</li>
 * </ul>
 * A width that is not a multiple of {@code LANES} ends with a step moved left to end at the last
 * pixel: it recomputes a few outputs with identical values instead of running a scalar tail.
 */
final class VectorRgbKernel implements RgbKernel {
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final int LANES = INTS.length();
    private static final VectorSpecies<Byte> LUMA_BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, LANES * 8)));
    /** Chroma values per step: 8 fill a 64-bit byte vector; 4 (AVX2) are taken from its low int. */
    private static final VectorSpecies<Byte> CHROMA_BYTES = ByteVector.SPECIES_64;
    private static final boolean CHROMA_FILLS_LONG = LANES == 16;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** @throws IllegalStateException when {@link #unsupportedReason()} is not null */
    VectorRgbKernel() {
        String why = unsupportedReason();
        if (why != null) {
            throw new IllegalStateException(why);
        }
    }

    /** @return why this JVM cannot run the kernel well, or null when it can */
    static String unsupportedReason() {
        int bits = INTS.vectorBitSize();
        if (bits != 256 && bits != 512) {
            return "the JVM's preferred vector size is " + bits + " bits (the vector kernel needs 256 or 512)";
        }
        return null;
    }

    /** @return the kernel's name with the vector size this JVM uses, e.g. {@code vector (512-bit, ...)} */
    @Override
    public String name() {
        return "vector (" + INTS.vectorBitSize() + "-bit, " + LANES + " pixels per step)";
    }

    /** @return the narrowest frame this kernel converts (one whole step) */
    @Override
    public int minWidth() {
        return LANES;
    }

    /**
     * Converts {@code w x h} pixels (both even, {@code w >= minWidth()}); geometry already checked.
     * Everything stays in this one method body: a vector passed to a call C2 does not inline is
     * boxed on the heap (measured: 14 MB per 720p frame and no speed-up when the step was a method).
     */
    @Override
    public void convert(boolean redHigh, ByteBuffer src, int offset, int stride, ByteBuffer out, int yBase, int yStride,
            int uBase, int vBase, int cStride, int w, int h) {
        // 66 R + 25 B lands in bits 16..31 of (rb * rbMul), as in the scalar path.
        int rbMul = redHigh ? 66 + (25 << 16) : 25 + (66 << 16);
        // U and V weights of the high and low 16-bit halves of the outer-channel sums.
        int uHi = redHigh ? -38 : 112;
        int uLo = redHigh ? 112 : -38;
        int vHi = redHigh ? 112 : -18;
        int vLo = redHigh ? -18 : 112;
        int last = w - LANES;
        for (int r = 0; r < h; r += 2) {
            int a = offset + r * stride;
            int b = a + stride;
            int ya = yBase + r * yStride;
            int yb = ya + yStride;
            int c = (r >> 1) * cStride;
            for (int x = 0; ; x += LANES) {
                if (x > last) {
                    x = last;
                }
                IntVector p0 = IntVector.fromByteBuffer(INTS, src, a + 4 * x, LE);
                IntVector p1 = IntVector.fromByteBuffer(INTS, src, b + 4 * x, LE);
                IntVector rb0 = p0.and(0xff00ff);
                IntVector rb1 = p1.and(0xff00ff);
                IntVector g0 = p0.lanewise(VectorOperators.LSHR, 8).and(0xff);
                IntVector g1 = p1.lanewise(VectorOperators.LSHR, 8).and(0xff);
                // Y = ((66 R + 129 G + 25 B + 128) >> 8) + 16
                IntVector y0 = rb0.mul(rbMul).lanewise(VectorOperators.LSHR, 16).add(g0.mul(129)).add(128)
                        .lanewise(VectorOperators.ASHR, 8).add(16);
                IntVector y1 = rb1.mul(rbMul).lanewise(VectorOperators.LSHR, 16).add(g1.mul(129)).add(128)
                        .lanewise(VectorOperators.ASHR, 8).add(16);
                ((ByteVector) y0.convertShape(VectorOperators.I2B, LUMA_BYTES, 0)).intoByteBuffer(out, ya + x, LE);
                ((ByteVector) y1.convertShape(VectorOperators.I2B, LUMA_BYTES, 0)).intoByteBuffer(out, yb + x, LE);
                // Chroma: each odd int lane folded into the even one before it (sums < 2^32: no carry).
                LongVector lrb = rb0.add(rb1).reinterpretAsLongs();
                LongVector lg = g0.add(g1).reinterpretAsLongs();
                IntVector srb = lrb.add(lrb.lanewise(VectorOperators.LSHR, 32)).reinterpretAsInts();
                IntVector sg = lg.add(lg.lanewise(VectorOperators.LSHR, 32)).reinterpretAsInts();
                IntVector hi = srb.lanewise(VectorOperators.LSHR, 16);
                IntVector lo = srb.and(0xffff);
                // U = ((-38 R - 74 G + 112 B + 512) >> 10) + 128 and V likewise, on sums of four pixels.
                IntVector uu = hi.mul(uHi).add(sg.mul(-74)).add(lo.mul(uLo)).add(512)
                        .lanewise(VectorOperators.ASHR, 10).add(128);
                IntVector vv = hi.mul(vHi).add(sg.mul(-94)).add(lo.mul(vLo)).add(512)
                        .lanewise(VectorOperators.ASHR, 10).add(128);
                ByteVector ub = (ByteVector) uu.reinterpretAsLongs().convertShape(VectorOperators.L2B, CHROMA_BYTES, 0);
                ByteVector vb = (ByteVector) vv.reinterpretAsLongs().convertShape(VectorOperators.L2B, CHROMA_BYTES, 0);
                int cu = uBase + c + (x >> 1);
                int cv = vBase + c + (x >> 1);
                if (CHROMA_FILLS_LONG) {
                    ub.intoByteBuffer(out, cu, LE);
                    vb.intoByteBuffer(out, cv, LE);
                } else {
                    out.putInt(cu, ub.reinterpretAsInts().lane(0));
                    out.putInt(cv, vb.reinterpretAsInts().lane(0));
                }
                if (x == last) {
                    break;
                }
            }
        }
    }
}
