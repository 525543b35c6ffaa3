package io.livepush.natives.voaacenc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import org.junit.jupiter.api.Test;

/** Drives the real library through the bindings: init, set parameters, encode frames, uninit. */
class VoAacEncLibraryTest {
    @Test
    void returnCodesAreReadFromTheLow32BitsAndNamed() {
        assertEquals(VoAacEnc.VO_ERR_INPUT_BUFFER_SMALL, VoReturnCode.of(new NativeLong(0xFFFF_FFFF_8000_0005L, true)));
        assertEquals("VO_ERR_INVALID_ARG (0x80000004)", VoReturnCode.describe(VoAacEnc.VO_ERR_INVALID_ARG));
        assertEquals("unknown vo-aacenc error (0x12345678)", VoReturnCode.describe(0x12345678L));
    }

    @Test
    void encodesOneRawFramePer1024StereoSamplesAndReportsTheInputUsed() {
        assumeTrue(VoAacEncLibrary.unavailableReason() == null, String.valueOf(VoAacEncLibrary.unavailableReason()));
        VoAacEncLibrary lib = VoAacEncLibrary.load();
        VoAudioCodecApi api = new VoAudioCodecApi();
        assertEquals(VoAacEnc.VO_ERR_NONE, VoReturnCode.of(lib.voGetAACEncAPI(api)));
        assertNotNull(api.Init);
        assertNotNull(api.Uninit);

        VoMemOperator mem = VoAacEncLibrary.defaultMemOperator();
        VoCodecInitUserData user = new VoCodecInitUserData();
        user.memflag = VoAacEnc.VO_IMF_USERMEMOPERATOR;
        user.memData = mem.getPointer();
        PointerByReference handleRef = new PointerByReference();
        assertEquals(VoAacEnc.VO_ERR_NONE, VoReturnCode.of(api.Init.invoke(handleRef, VoAacEnc.VO_AUDIO_CODING_AAC, user)));
        Pointer handle = handleRef.getValue();
        assertNotNull(handle);
        try {
            AacEncParam param = new AacEncParam();
            param.sampleRate = 48000;
            param.bitRate = 128_000;
            param.nChannels = 2;
            param.adtsUsed = 0;
            param.write();
            assertEquals(VoAacEnc.VO_ERR_NONE,
                    VoReturnCode.of(api.SetParam.invoke(handle, new NativeLong(VoAacEnc.VO_PID_AAC_ENCPARAM), param.getPointer())));

            int bytes = 1024 * 2 * 2;
            Memory pcm = new Memory(bytes);
            Memory out = new Memory(VoAacEnc.MAX_FRAME_BYTES_PER_CHANNEL * 2);
            VoCodecBuffer in = new VoCodecBuffer();
            VoCodecBuffer outBuf = new VoCodecBuffer();
            VoAudioOutputInfo info = new VoAudioOutputInfo();
            for (int frame = 0; frame < 4; frame++) {
                for (int i = 0; i < 2048; i++) {
                    pcm.setShort(i * 2L, (short) (8000 * Math.sin(2 * Math.PI * 1000 * (frame * 1024 + i / 2) / 48000.0)));
                }
                in.set(pcm, bytes);
                assertEquals(VoAacEnc.VO_ERR_NONE, VoReturnCode.of(api.SetInputData.invoke(handle, in)));
                outBuf.set(out, out.size());
                long rc = VoReturnCode.of(api.GetOutputData.invoke(handle, outBuf, info));
                assertEquals(VoAacEnc.VO_ERR_NONE, rc, VoReturnCode.describe(rc));
                long produced = outBuf.Length.longValue();
                assertTrue(produced > 0 && produced <= out.size(), "frame " + frame + " is " + produced + " bytes");
                assertEquals(bytes, info.InputUsed.longValue(), "input bytes used");
                assertEquals(48000, info.Format.SampleRate.longValue());
                assertEquals(2, info.Format.Channels.longValue());
                // With the whole input consumed, another call asks for more input.
                outBuf.set(out, out.size());
                assertEquals(VoAacEnc.VO_ERR_INPUT_BUFFER_SMALL, VoReturnCode.of(api.GetOutputData.invoke(handle, outBuf, info)));
                assertEquals(0, outBuf.Length.longValue());
            }
        } finally {
            assertEquals(VoAacEnc.VO_ERR_NONE, VoReturnCode.of(api.Uninit.invoke(handle)));
        }
    }
}
