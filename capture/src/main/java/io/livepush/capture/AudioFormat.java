package io.livepush.capture;

/**
 * The shape of an audio stream: sample rate and channel count of interleaved s16 PCM.
 *
 * @param sampleRate samples per second per channel, 8000..192000
 * @param channels 1 (mono) or 2 (stereo)
 */
public record AudioFormat(int sampleRate, int channels) {
    /**
     * Validates at once.
     *
     * @param sampleRate samples per second per channel, 8000..192000
     * @param channels 1 (mono) or 2 (stereo)
     * @throws IllegalArgumentException for a rate outside 8000..192000 Hz or another channel count
     */
    public AudioFormat {
        requireValid(sampleRate, channels);
    }

    static void requireValid(int sampleRate, int channels) {
        if (sampleRate < 8000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is not allowed (expected 8000..192000)");
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channel count " + channels + " is not allowed (expected 1 or 2)");
        }
    }
}
