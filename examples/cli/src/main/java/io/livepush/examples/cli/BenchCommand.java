package io.livepush.examples.cli;

import picocli.CommandLine.Command;

/** {@code livepush bench ...}: benchmarks that print figures (never pass/fail). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures.",
        subcommands = {BenchEncodeCommand.class, BenchPublishCommand.class, BenchConvertCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
