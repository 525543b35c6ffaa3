package io.livepush.examples.cli;

import io.livepush.publisher.url.StreamKeys;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every error into one clear line on stderr and a non-zero exit code: 2 for bad usage, 1 for
 * a failure while running. No stack traces unless {@code LIVEPUSH_DEBUG=1}.
 */
final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("livepush: " + ex.getMessage());
        cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        return 2;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        Throwable root = ex;
        while ((root instanceof java.util.concurrent.CompletionException
                || root instanceof java.util.concurrent.ExecutionException) && root.getCause() != null) {
            root = root.getCause();
        }
        String msg = root.getMessage() != null ? root.getMessage() : root.toString();
        cmd.getErr().println("livepush: " + msg);
        if ("1".equals(System.getenv("LIVEPUSH_DEBUG"))) {
            root.printStackTrace(cmd.getErr());
        }
        return root instanceof IllegalArgumentException ? 2 : 1;
    }

    static String redactKeyIn(String s, String key) {
        return key == null || key.isEmpty() ? s : s.replace(key, StreamKeys.redact(key));
    }
}
