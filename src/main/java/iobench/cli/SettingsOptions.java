package iobench.cli;

import iobench.config.SettingsOverrides;

/** A group of options that sets some of the servers' settings; a command layers the groups it takes. */
interface SettingsOptions {
    SettingsOverrides overrides();
}
