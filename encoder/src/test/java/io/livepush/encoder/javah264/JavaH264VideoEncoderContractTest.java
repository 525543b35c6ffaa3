package io.livepush.encoder.javah264;

import io.livepush.encoder.VideoEncoderContract;

/** The pure-Java backend, wrapped by {@code VideoEncoders}, passes the encoder contract. */
class JavaH264VideoEncoderContractTest extends VideoEncoderContract {
    @Override
    protected String backendName() {
        return JavaH264Provider.NAME;
    }
}
