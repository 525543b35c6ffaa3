package io.livepush.capture.y4m;

import java.io.IOException;

/**
 * A YUV4MPEG2 file that cannot be read: a malformed or unsupported stream header, a frame that
 * does not start with {@code FRAME}, or a file that ends inside a frame. The message names the
 * file, what was found and what was expected.
 */
public final class Y4mFormatException extends IOException {
    /** @param message what is wrong, naming what was found and what is allowed */
    public Y4mFormatException(String message) {
        super(message);
    }
}
