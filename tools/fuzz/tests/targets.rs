//! The bounded fuzzing run (CI): every registered target, a fixed seed, `ci_cases` cases each. A
//! failure prints the shrunk input and why the property does not hold.

use paykit_fuzz::{Budget, CI_SEED, registry};

fn fuzz(name: &str) {
    let targets = registry();
    let target = targets.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("no target {name}"));
    let stats = target.fuzz(Budget::Cases(target.ci_cases), CI_SEED);
    assert_eq!(stats.executions, target.ci_cases, "{name}");
    if let Some((input, why)) = &stats.first_failure {
        panic!("{name}: {} of {} cases fail; minimal input {input}\n  {why}", stats.failures, stats.executions);
    }
}

macro_rules! targets {
    ($($test:ident),* $(,)?) => {
        $(#[test] fn $test() { fuzz(stringify!($test)); })*

        #[test]
        fn every_registered_target_has_a_test_and_a_sweep_corpus() {
            let tested = [$(stringify!($test)),*];
            for t in registry() {
                assert!(tested.contains(&t.name), "{} has no bounded test here", t.name);
                assert!(!t.cells().is_empty(), "{} has no sweep cells", t.name);
            }
        }
    };
}

targets!(
    sign_core_base64_lenient,
    sign_core_rsa_key_parse,
    sign_core_rsa_chunked_decrypt,
    sign_core_decimal_amount,
    sign_core_json_error_redaction,
    vip_charge_callback,
    chainup_opay_callback,
    chainup_opay_envelope_open,
    visagenius_responses,
    acqra_gateway_responses,
    vip_charge_responses,
    mall_pay_responses,
    chainup_opay_responses,
    mall_pay_pay_param,
    mall_pay_token_redaction,
    acqra_gateway_card_masking,
    sandbox_server_request_reader,
);
