package io.livepush.examples.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the version of the LivePush build the CLI runs from. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = LivePushCli.class.getPackage().getImplementationVersion();
        return new String[] {"livepush " + (v == null ? "development build" : v)};
    }
}
