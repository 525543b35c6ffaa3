package io.livepush.encoder.openh264;

import io.livepush.encoder.VideoEncoderContract;

/** The OpenH264 backend, wrapped by {@code VideoEncoders}, passes the encoder contract. */
class OpenH264VideoEncoderContractTest extends VideoEncoderContract {
    @Override
    protected String backendName() {
        return OpenH264Provider.NAME;
    }
}
