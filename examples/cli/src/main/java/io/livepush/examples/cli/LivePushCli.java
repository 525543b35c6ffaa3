package io.livepush.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code livepush} command: push a stream, serve a local ingest, run the demo, benchmark the
 * encoder, list devices. Started by the {@code ./livepush} launcher at the repository root.
 */
@Command(name = "livepush", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "LivePush: capture, encode (H.264, 2 s GOP, SEI) and push to RTMP/RTMPS.",
        subcommands = {PushCommand.class, ServeCommand.class, DemoCommand.class, BenchCommand.class,
                DevicesCommand.class, MixerCommand.class, CohostDemoCommand.class})
public final class LivePushCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the command and its options, as typed after {@code livepush}
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns the exit code (for tests).
     *
     * @param args the command and its options, as typed after {@code livepush}; none prints the usage
     * @return the exit code: 0 on success, non-zero when the command failed or its options were refused
     */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new LivePushCli());
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setParameterExceptionHandler(new CliErrors());
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
