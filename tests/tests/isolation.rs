//! A user depends on one provider crate and compiles nothing of the others: no provider crate may
//! depend on another, and sign-core depends on none of them. Read from `cargo metadata`, so a
//! dependency added anywhere in a manifest (normal, dev or build) is caught.

use std::process::Command;

const PROVIDERS: [&str; 5] = ["visagenius", "acqra-gateway", "vip-charge", "mall-pay", "chainup-opay"];

fn metadata() -> serde_json::Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "cargo metadata failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON")
}

fn dependencies<'a>(meta: &'a serde_json::Value, package: &str) -> Vec<&'a str> {
    let pkg = meta["packages"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == package))
        .unwrap_or_else(|| panic!("package {package} is in the workspace"));
    pkg["dependencies"].as_array().map(|ds| ds.iter().filter_map(|d| d["name"].as_str()).collect()).unwrap_or_default()
}

#[test]
fn provider_crates_depend_on_sign_core_and_on_no_other_provider() {
    let meta = metadata();
    for provider in PROVIDERS {
        let deps = dependencies(&meta, provider);
        assert!(deps.contains(&"sign-core"), "{provider} should build on sign-core");
        for other in PROVIDERS.iter().filter(|o| **o != provider) {
            assert!(!deps.contains(other), "{provider} depends on {other}");
        }
        assert!(!deps.contains(&"xtask"), "{provider} depends on xtask");
    }
    let core = dependencies(&meta, "sign-core");
    for provider in PROVIDERS {
        assert!(!core.contains(&provider), "sign-core depends on {provider}");
    }
}
