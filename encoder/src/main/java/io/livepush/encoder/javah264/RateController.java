package io.livepush.encoder.javah264;

import io.livepush.encoder.RateControlMode;

/**
 * Frame-level rate control: one QP per picture from a bit budget and a simple model, bits ≈
 * complexity / Qstep with Qstep = 0.625 * 2^(QP / 6), the complexity of I and P pictures each
 * learnt from what they last cost. A virtual buffer holds the bits produced minus the bits the
 * target allowed; each picture's budget pays back 1/fps of that debt, so a debt is gone within
 * about a second and the long-run rate holds the target. IDR pictures are budgeted at four P
 * pictures' worth; the QP moves at most 3 from one P picture to the next. In {@link RateControlMode#CBR} a P picture is skipped when the buffer is more
 * than half a second over; {@link RateControlMode#VBR} never skips;
 * {@link RateControlMode#QUALITY} holds the QP the first budget gives, moving only when the
 * bitrate is changed. A new bitrate takes effect from the next picture. One thread.
 */
final class RateController {
    static final int MIN_QP = 12;
    static final int MAX_QP = 51;
    private static final double IDR_WEIGHT = 4.0;

    private final RateControlMode mode;
    private final double fps;
    private final int pixels;
    private int bitrate;
    private double buffer;
    private double complexityI = -1;
    private double complexityP = -1;
    private int lastQp;
    private int lastPQp;
    private boolean fixedQpStale = true;
    private int fixedQp;

    RateController(RateControlMode mode, int bitrate, double fps, int pixels) {
        this.mode = mode;
        this.bitrate = bitrate;
        this.fps = fps;
        this.pixels = pixels;
        this.lastQp = initialQp();
        this.lastPQp = lastQp;
    }

    /** The starting QP from bits per pixel (about 0.1 bpp at QP 28 for camera-like content). */
    private int initialQp() {
        double bpp = bitrate / (fps * pixels);
        int qp = (int) Math.round(28 - 6 * Math.log(bpp / 0.1) / Math.log(2));
        return clamp(qp, 20, 44);
    }

    void setBitrate(int bps) {
        bitrate = bps;
        fixedQpStale = true;
    }

    int bitrate() {
        return bitrate;
    }

    /** @return true when CBR asks to drop this (non-IDR) picture to drain the buffer */
    boolean shouldSkip() {
        return mode == RateControlMode.CBR && buffer > bitrate * 0.5;
    }

    /** @return the QP for the next picture */
    int qpFor(boolean intra) {
        if (mode == RateControlMode.QUALITY) {
            if (fixedQpStale) {
                fixedQp = initialQp();
                fixedQpStale = false;
            }
            return intra ? Math.max(MIN_QP, fixedQp - 2) : fixedQp;
        }
        double perFrame = bitrate / fps;
        double budget = perFrame - buffer / fps;
        budget = Math.max(perFrame * 0.15, budget);
        int qp;
        if (intra) {
            budget *= IDR_WEIGHT;
            qp = complexityI < 0 ? lastPQp - 2 : qpForBits(complexityI, budget);
            qp = clamp(qp, lastPQp - 6, lastPQp + 4);
        } else {
            qp = complexityP < 0 ? lastQp + 2 : qpForBits(complexityP, budget);
            qp = clamp(qp, lastPQp - 3, lastPQp + 3);
        }
        return clamp(qp, MIN_QP, MAX_QP);
    }

    /** Learns from an encoded picture. */
    void update(boolean intra, int qp, long bits) {
        double complexity = bits * qstep(qp);
        if (intra) {
            complexityI = complexityI < 0 ? complexity : 0.5 * complexityI + 0.5 * complexity;
        } else {
            complexityP = complexityP < 0 ? complexity : 0.6 * complexityP + 0.4 * complexity;
            lastPQp = qp;
        }
        lastQp = qp;
        buffer += bits - bitrate / fps;
        buffer = Math.max(buffer, -bitrate * 0.5);
    }

    /** Accounts for a skipped picture: its share of the budget drains the buffer. */
    void skipped() {
        buffer -= bitrate / fps;
    }

    private static int qpForBits(double complexity, double bits) {
        double q = complexity / Math.max(bits, 1);
        return (int) Math.round(6 * Math.log(q / 0.625) / Math.log(2));
    }

    static double qstep(int qp) {
        return 0.625 * Math.pow(2, qp / 6.0);
    }

    private static int clamp(int v, int lo, int hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
