package io.livepush.natives.openh264;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.livepush.natives.KnownLibrary;
import io.livepush.natives.NativeLibraries;

/**
 * One OpenH264 encoder: the {@code ISVCEncoder} object of {@code codec_api.h}, made by
 * {@code WelsCreateSVCEncoder} and called through its function table.
 *
 * <p>The object is a C++ instance whose first word points at its vtable; the C view of the same
 * table is {@code struct ISVCEncoderVtbl}: nine function pointers, each taking the object as its
 * first argument, in this order: Initialize, InitializeExt, GetDefaultParams, Uninitialize,
 * EncodeFrame, EncodeParameterSets, ForceIntraFrame, SetOption, GetOption. That calling convention
 * holds on 64-bit Linux, macOS and Windows (not on 32-bit Windows, where C++ methods use
 * {@code thiscall}).
 *
 * <p>Methods return the library's CM_RETURN code ({@link CodecDef#cmResultSuccess} is 0). Structs
 * passed as {@link com.sun.jna.Structure} are written before and read after the call; pass a
 * {@link Pointer} to skip that copy on hot paths.
 *
 * <p>Not thread-safe: one thread at a time. {@link #destroy()} frees the encoder; call
 * {@link #uninitialize()} first if it was initialized.
 */
public final class ISVCEncoder {
    private static final int INITIALIZE = 0;
    private static final int INITIALIZE_EXT = 1;
    private static final int GET_DEFAULT_PARAMS = 2;
    private static final int UNINITIALIZE = 3;
    private static final int ENCODE_FRAME = 4;
    private static final int ENCODE_PARAMETER_SETS = 5;
    private static final int FORCE_INTRA_FRAME = 6;
    private static final int SET_OPTION = 7;
    private static final int GET_OPTION = 8;

    private final NativeLibrary library;
    private final Pointer self;
    private final Function[] table = new Function[9];
    private boolean destroyed;

    private ISVCEncoder(NativeLibrary library, Pointer self) {
        this.library = library;
        this.self = self;
        Pointer vtbl = self.getPointer(0);
        for (int i = 0; i < table.length; i++) {
            table[i] = Function.getFunction(vtbl.getPointer((long) i * Native.POINTER_SIZE));
        }
    }

    /**
     * Calls {@code WelsCreateSVCEncoder}.
     *
     * @return the encoder, not yet initialised; free it with {@code destroy()}
     * @throws UnsatisfiedLinkError when libopenh264 is absent (the message says how to install it), or
     *     is a release whose structs differ from these bindings ({@link OpenH264Abi})
     * @throws IllegalStateException when the library fails to create an encoder
     */
    public static ISVCEncoder create() {
        NativeLibrary lib = NativeLibraries.library(KnownLibrary.OPENH264);
        String unsupported = OpenH264Abi.unsupportedReason(NativeLibraries.status(KnownLibrary.OPENH264).version());
        if (unsupported != null) {
            throw new UnsatisfiedLinkError(unsupported);
        }
        try (Memory out = new Memory(Native.POINTER_SIZE)) {
            out.clear();
            int rc = lib.getFunction("WelsCreateSVCEncoder").invokeInt(new Object[] {out});
            Pointer encoder = out.getPointer(0);
            if (rc != 0 || encoder == null) {
                throw new IllegalStateException("WelsCreateSVCEncoder failed (returned " + rc + ")");
            }
            return new ISVCEncoder(lib, encoder);
        }
    }

    /** @return the {@code ISVCEncoder*} itself */
    public Pointer pointer() {
        return self;
    }

    /**
     * {@code int Initialize(const SEncParamBase*)}.
     *
     * @param param the basic settings
     * @return 0 ({@code cmResultSuccess}) or a CM_RETURN code (see {@link CodecDef#resultName})
     */
    public int initialize(SEncParamBase param) {
        return call(INITIALIZE, self, param);
    }

    /**
     * {@code int InitializeExt(const SEncParamExt*)}.
     *
     * @param param the extended settings, usually filled by {@link #getDefaultParams} first
     * @return 0 ({@code cmResultSuccess}) or a CM_RETURN code (see {@link CodecDef#resultName})
     */
    public int initializeExt(SEncParamExt param) {
        return call(INITIALIZE_EXT, self, param);
    }

    /**
     * {@code int GetDefaultParams(SEncParamExt*)}: fills {@code param} with the library's defaults.
     *
     * @param param the struct to fill
     * @return 0 ({@code cmResultSuccess}) or a CM_RETURN code
     */
    public int getDefaultParams(SEncParamExt param) {
        return call(GET_DEFAULT_PARAMS, self, param);
    }

    /**
     * {@code int Uninitialize()}.
     *
     * @return 0 ({@code cmResultSuccess}) or a CM_RETURN code
     */
    public int uninitialize() {
        return call(UNINITIALIZE, self);
    }

    /**
     * {@code int EncodeFrame(const SSourcePicture*, SFrameBSInfo*)}: the raw pointers, no struct copy.
     *
     * @param sourcePicture an {@link SSourcePicture} in native memory
     * @param frameBsInfo an {@link SFrameBSInfo} in native memory, filled by the call
     * @return 0 ({@code cmResultSuccess}) or a CM_RETURN code; the frame type is in {@code frameBsInfo}
     */
    public int encodeFrame(Pointer sourcePicture, Pointer frameBsInfo) {
        return call(ENCODE_FRAME, self, sourcePicture, frameBsInfo);
    }

    /**
     * {@code int EncodeParameterSets(SFrameBSInfo*)}: the SPS and PPS alone.
     *
     * @param frameBsInfo an {@link SFrameBSInfo} in native memory, filled by the call
     * @return 0 ({@code cmResultSuccess}) or a CM_RETURN code
     */
    public int encodeParameterSets(Pointer frameBsInfo) {
        return call(ENCODE_PARAMETER_SETS, self, frameBsInfo);
    }

    /**
     * {@code int ForceIntraFrame(bool bIDR, int iLayerId = -1)}: the next encoded frame becomes an IDR
     * (in every layer).
     *
     * @param idr true for an IDR, false for a plain intra frame
     * @return 0 ({@code cmResultSuccess}) or a CM_RETURN code
     */
    public int forceIntraFrame(boolean idr) {
        return call(FORCE_INTRA_FRAME, self, idr ? 1 : 0, -1);
    }

    /**
     * {@code int SetOption(ENCODER_OPTION, void*)}; see {@link CodecAppDef} for each option's type.
     *
     * @param option an {@code ENCODER_OPTION} value
     * @param value native memory holding the option's value, of the type the option needs
     * @return 0 ({@code cmResultSuccess}) or a CM_RETURN code
     */
    public int setOption(int option, Pointer value) {
        return call(SET_OPTION, self, option, value);
    }

    /**
     * {@code int GetOption(ENCODER_OPTION, void*)}.
     *
     * @param option an {@code ENCODER_OPTION} value
     * @param value native memory that receives the option's value, of the type the option needs
     * @return 0 ({@code cmResultSuccess}) or a CM_RETURN code
     */
    public int getOption(int option, Pointer value) {
        return call(GET_OPTION, self, option, value);
    }

    /** Calls {@code WelsDestroySVCEncoder}; idempotent. The encoder must not be used afterwards. */
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        library.getFunction("WelsDestroySVCEncoder").invokeVoid(new Object[] {self});
    }

    private int call(int slot, Object... args) {
        if (destroyed) {
            throw new IllegalStateException("OpenH264 encoder was already destroyed");
        }
        return table[slot].invokeInt(args);
    }
}
