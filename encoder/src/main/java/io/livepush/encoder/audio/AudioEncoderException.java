package io.livepush.encoder.audio;

/**
 * An audio codec reported an error while opening or encoding. The message names the call, the
 * codec's error code and the configuration, e.g. "vo-aacenc GetOutputData returned
 * VO_ERR_OUTPUT_BUFFER_SMALL (0x80000006) (AAC_LC 48000 Hz 2 ch 128000 bps)".
 */
public class AudioEncoderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, with the codec's error */
    public AudioEncoderException(String message) {
        super(message);
    }
}
