package io.livepush.natives.voaacenc;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import java.util.List;

/**
 * The vo-aacenc shared library (Debian {@code libvo-aacenc0}, 0.1.3): its one entry point
 * {@code voGetAACEncAPI} and the default memory operator it exports.
 *
 * <p>Load it with {@link #load()}; it tries {@link #LIBRARY_NAMES} in order and remembers the
 * outcome. The instance is thread-safe (it holds no state); codec instances are not.
 */
public interface VoAacEncLibrary extends Library {
    /** File names tried, in order. */
    List<String> LIBRARY_NAMES = List.of("libvo-aacenc.so.0", "libvo-aacenc.so", "vo-aacenc.dll", "libvo-aacenc.dylib");

    /** What to install when none of {@link #LIBRARY_NAMES} loads. */
    String INSTALL_HINT = "apt-get install libvo-aacenc0";

    /**
     * {@code VO_S32 voGetAACEncAPI(VO_AUDIO_CODECAPI *pEncHandle)}: fills the function table.
     *
     * @param api the table to fill
     * @return {@link VoAacEnc#VO_ERR_NONE} on success ({@code VO_S32}, a C {@code long})
     */
    NativeLong voGetAACEncAPI(VoAudioCodecApi api);

    /**
     * @return the loaded library
     * @throws UnsatisfiedLinkError naming every file tried and what to install
     */
    static VoAacEncLibrary load() {
        VoAacEncLoader l = VoAacEncLoader.INSTANCE;
        if (l.library == null) {
            throw new UnsatisfiedLinkError(l.failure);
        }
        return l.library;
    }

    /** @return {@code null} when the library loads, otherwise why not and what to install */
    static String unavailableReason() {
        return VoAacEncLoader.INSTANCE.failure;
    }

    /**
     * Builds a {@link VoMemOperator} table pointing at the library's own {@code cmnMem*} functions,
     * the allocator that {@code cmnMemory.h} declares.
     *
     * @return a filled table in native memory; keep it reachable while any codec uses it
     */
    static VoMemOperator defaultMemOperator() {
        NativeLibrary lib = VoAacEncLoader.INSTANCE.nativeLibrary();
        VoMemOperator op = new VoMemOperator();
        op.Alloc = lib.getFunction("cmnMemAlloc");
        op.Free = lib.getFunction("cmnMemFree");
        op.Set = lib.getFunction("cmnMemSet");
        op.Copy = lib.getFunction("cmnMemCopy");
        op.Check = lib.getFunction("cmnMemCheck");
        op.Compare = lib.getFunction("cmnMemCompare");
        op.Move = lib.getFunction("cmnMemMove");
        op.write();
        return op;
    }
}
