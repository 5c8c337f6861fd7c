//! The command line and its environment variables: every `--name VALUE` option can also be given
//! as `PAYKIT_SANDBOX_NAME` (upper case, `-` as `_`); the command line wins.

use std::collections::BTreeMap;

use crate::Provider;

/// The options taking a value, with their help text.
pub const VALUE_OPTIONS: &[(&str, &str)] = &[
    ("providers", "comma-separated providers (or `all`), instead of naming them as arguments"),
    ("bind", "the address to listen on (default 127.0.0.1; another needs --allow-non-loopback)"),
    ("base-port", "the first provider's port, the others following in the order listed (default 8101; 0: free ports)"),
    ("visagenius-port", "visagenius's port (default base-port + 0)"),
    ("acqra-port", "acqra-gateway's port (default base-port + 1)"),
    ("vip-charge-port", "vip-charge's port (default base-port + 2)"),
    ("mall-pay-port", "mall-pay's port (default base-port + 3)"),
    ("chainup-port", "chainup-opay's port (default base-port + 4)"),
    ("state", "keep the sandboxes' state (orders, balances) in FILE, so that a restart keeps it"),
    ("keys-dir", "where generated RSA keys are written (default: a new directory under the system temp dir)"),
    ("vip-charge-merchant-private-key-out", "FILE for vip-charge's generated merchant private key"),
    ("vip-charge-platform-public-key-out", "FILE for vip-charge's platform public key"),
    ("chainup-merchant-private-key-out", "FILE for chainup's generated merchant private key"),
    ("chainup-platform-public-key-out", "FILE for chainup's platform public key"),
    ("visagenius-appid", "visagenius app id (default: generated)"),
    ("visagenius-access-key", "visagenius access key (default: generated)"),
    ("visagenius-secret-key", "visagenius secret key (default: generated)"),
    ("acqra-app-id", "acqra appId (default: generated)"),
    ("acqra-secret", "acqra secret (default: generated)"),
    ("acqra-token-lifetime", "acqra access token lifetime in seconds (default 3600)"),
    ("vip-charge-md5-secret", "vip-charge MD5 secret key (default: generated)"),
    ("vip-charge-merchant-key", "vip-charge merchant private key FILE (PEM or Base64 DER; default: generated)"),
    ("vip-charge-platform-key", "vip-charge platform private key FILE, signs RSA callbacks (default: generated)"),
    ("vip-charge-success-status", "the envelope status of a vip-charge success (default 0)"),
    ("vip-charge-time-scale", "divides vip-charge's callback retry schedule (default 1000)"),
    ("vip-charge-callback-url", "where vip-charge callbacks go for orders without a callbackUrl"),
    ("mall-pay-token", "mall-pay logged-in user's token (default: generated)"),
    ("chainup-app-key", "chainup app key (default: generated)"),
    ("chainup-platform-key", "chainup platform private key FILE (PKCS#8 PEM or Base64 DER; default: generated)"),
    ("chainup-merchant-key", "chainup merchant private key FILE (default: generated)"),
    ("chainup-merchant-public-key", "chainup merchant public key FILE, when the private one stays with you"),
    ("chainup-notify-url", "send every chainup callback here instead of the order's notifyPage"),
];

/// The options taking no value.
pub const FLAGS: &[(&str, &str)] = &[
    ("all", "serve all five providers"),
    ("allow-non-loopback", "allow --bind to an address reachable from other machines"),
    (
        "variant-shapes",
        "answer with the undocumented variant shapes (numbers as strings, fields left out) that exercise a \
         tolerant client, instead of the documents' shapes",
    ),
    ("help", "print this help"),
    ("version", "print the version"),
];

/// What the command line and the environment say.
#[derive(Debug, Default)]
pub struct Args {
    pub providers: Vec<Provider>,
    values: BTreeMap<&'static str, String>,
    flags: Vec<&'static str>,
    env: BTreeMap<String, String>,
}

impl Args {
    /// Parses `args` (without the program name), reading missing options from `env`.
    pub fn parse(
        args: impl IntoIterator<Item = std::ffi::OsString>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, String> {
        use lexopt::Arg;
        let mut parsed = Args { env: env.into_iter().collect(), ..Args::default() };
        let mut parser = lexopt::Parser::from_args(args);
        let mut names = Vec::new();
        loop {
            let arg = parser.next().map_err(|e| e.to_string())?;
            match arg {
                None => break,
                Some(Arg::Long(name)) => {
                    let name = name.to_owned();
                    if let Some((known, _)) = FLAGS.iter().find(|(f, _)| *f == name.as_str()) {
                        parsed.flags.push(known);
                    } else if let Some((known, _)) = VALUE_OPTIONS.iter().find(|(o, _)| *o == name.as_str()) {
                        let value = parser.value().map_err(|e| e.to_string())?;
                        let value = value.into_string().map_err(|_| format!("--{name}: not UTF-8"))?;
                        parsed.values.insert(known, value);
                    } else {
                        return Err(format!("unknown option --{name} (see --help)"));
                    }
                }
                Some(Arg::Short('h')) => parsed.flags.push("help"),
                Some(Arg::Short(c)) => return Err(format!("unknown option -{c} (see --help)")),
                Some(Arg::Value(v)) => names.push(v.into_string().map_err(|_| "a provider name is not UTF-8")?),
            }
        }
        if parsed.flag("all") {
            names.push("all".into());
        }
        if names.is_empty() {
            if let Some(list) = parsed.value("providers") {
                names.extend(list.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()));
            }
        }
        for name in names {
            if name == "all" {
                parsed.providers = Provider::ALL.to_vec();
                continue;
            }
            let provider = Provider::from_name(&name).ok_or_else(|| {
                format!(
                    "unknown provider {name:?}: one of {} or all",
                    Provider::ALL.iter().map(|p| p.name()).collect::<Vec<_>>().join(", ")
                )
            })?;
            if !parsed.providers.contains(&provider) {
                parsed.providers.push(provider);
            }
        }
        parsed.providers.sort();
        Ok(parsed)
    }

    /// Whether the flag was given (or its variable set to `1`/`true`).
    pub fn flag(&self, name: &str) -> bool {
        self.flags.contains(&name) || self.env(name).is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes"))
    }

    fn env(&self, name: &str) -> Option<String> {
        let var = format!("PAYKIT_SANDBOX_{}", name.to_ascii_uppercase().replace('-', "_"));
        self.env.get(&var).filter(|v| !v.trim().is_empty()).cloned()
    }

    /// The option's value: from the command line, else its environment variable.
    pub fn value(&self, name: &str) -> Option<String> {
        debug_assert!(VALUE_OPTIONS.iter().any(|(o, _)| *o == name), "{name}");
        self.values.get(name).cloned().or_else(|| self.env(name))
    }

    /// The option's value parsed, or an error naming it.
    pub fn parsed<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, String> {
        match self.value(name) {
            None => Ok(None),
            Some(text) => text.trim().parse().map(Some).map_err(|_| format!("--{name}: {text:?} is not valid")),
        }
    }
}

/// The `--help` text.
pub fn help() -> String {
    let mut out = String::from(
        "paykit-sandbox: the paykit provider sandboxes as a standalone server\n\n\
         USAGE: paykit-sandbox [OPTIONS] (--all | PROVIDER...)\n\n\
         PROVIDERS: visagenius, acqra-gateway (acqra), vip-charge, mall-pay, chainup-opay (chainup)\n\n\
         Each provider is served on its own port. At start the server prints, for each, the environment\n\
         variables its quickstart reads (base URL and credentials); then one line per request with its\n\
         verdict. Admin endpoints: GET /__sandbox/ on any port. Ctrl-C or SIGTERM stops it.\n\n\
         OPTIONS (each also read from PAYKIT_SANDBOX_<NAME>, e.g. PAYKIT_SANDBOX_ACQRA_SECRET; prefer the\n\
         variables for secrets: command lines are visible to other users):\n",
    );
    for (name, help) in FLAGS {
        out.push_str(&format!("  --{name:<28} {help}\n"));
    }
    for (name, help) in VALUE_OPTIONS {
        out.push_str(&format!("  --{:<28} {help}\n", format!("{name} V")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str], env: &[(&str, &str)]) -> Result<Args, String> {
        Args::parse(
            args.iter().map(std::ffi::OsString::from),
            env.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        )
    }

    #[test]
    fn providers_come_from_names_all_or_the_variable() {
        assert_eq!(parse(&["--all"], &[]).unwrap().providers, Provider::ALL);
        assert_eq!(parse(&["chainup", "acqra"], &[]).unwrap().providers, [Provider::Acqra, Provider::Chainup]);
        let from_env = parse(&[], &[("PAYKIT_SANDBOX_PROVIDERS", "mall-pay,visagenius")]).unwrap();
        assert_eq!(from_env.providers, [Provider::Visagenius, Provider::MallPay]);
        assert!(parse(&["stripe"], &[]).unwrap_err().contains("unknown provider \"stripe\""));
    }

    #[test]
    fn the_command_line_wins_over_the_environment() {
        let env = [("PAYKIT_SANDBOX_ACQRA_SECRET", "from-env"), ("PAYKIT_SANDBOX_BIND", "127.0.0.2")];
        let args = parse(&["--all", "--acqra-secret", "from-cli"], &env).unwrap();
        assert_eq!(args.value("acqra-secret").as_deref(), Some("from-cli"));
        assert_eq!(args.value("bind").as_deref(), Some("127.0.0.2"));
        assert_eq!(args.value("mall-pay-token"), None);
    }

    #[test]
    fn unknown_options_and_bad_numbers_are_errors() {
        assert!(parse(&["--all", "--nope"], &[]).unwrap_err().contains("--nope"));
        assert!(parse(&["--all", "--base-port"], &[]).is_err(), "a value is required");
        let args = parse(&["--all", "--base-port", "eighty"], &[]).unwrap();
        assert!(args.parsed::<u16>("base-port").unwrap_err().contains("--base-port"));
    }
}
