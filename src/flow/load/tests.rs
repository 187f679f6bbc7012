//! Tests for the flow loader: every check names the right file:line:col.
//!
//! Most fixtures are [`BASE`] with one line changed, so the line numbers in
//! the assertions are those of `BASE` (numbered in the comment beside it).

use std::collections::BTreeMap;

use super::*;

/// A small flow that loads cleanly.
///
/// ```text
///  1 [flow]
///  2 start = "ask"
///  3 give_up = "bye"
///  4 no_input = "no-input"
///  5 no_match = "no-match"
///  6
///  7 [steps.ask]
///  8 type = "menu"
///  9 prompt = ["ask"]
/// 10 save_as = "choice"
/// 11 options.1 = { value = "one", next = "hello" }
/// 12 options.2 = { value = "two", next = "bye" }
/// 13
/// 14 [steps.hello]
/// 15 type = "say"
/// 16 prompt = ["hello"]
/// 17 next = "bye"
/// 18
/// 19 [steps.bye]
/// 20 type = "hangup"
/// 21 prompt = ["bye"]
/// ```
const BASE: &str = r#"[flow]
start = "ask"
give_up = "bye"
no_input = "no-input"
no_match = "no-match"

[steps.ask]
type = "menu"
prompt = ["ask"]
save_as = "choice"
options.1 = { value = "one", next = "hello" }
options.2 = { value = "two", next = "bye" }

[steps.hello]
type = "say"
prompt = ["hello"]
next = "bye"

[steps.bye]
type = "hangup"
prompt = ["bye"]
"#;

const KNOWN: [&str; 5] = ["ask", "hello", "bye", "no-input", "no-match"];

fn load(text: &str) -> Result<Flow, FlowError> {
    let known = KNOWN;
    load_flow("test", "test.toml", text, &|id| known.contains(&id))
}

/// `BASE` with `old` (which must occur exactly once) replaced by `new`.
fn with(old: &str, new: &str) -> String {
    assert_eq!(
        BASE.matches(old).count(),
        1,
        "fixture: {old:?} must occur once in BASE"
    );
    BASE.replacen(old, new, 1)
}

fn errors(text: &str) -> Vec<Located> {
    match load(text) {
        Ok(_) => panic!("expected errors, the flow loaded:\n{text}"),
        Err(FlowError::Invalid(errors)) => errors,
    }
}

/// The one error `text` has; it must be at `line`:`col` and say `part`.
#[track_caller]
fn assert_error(text: &str, line: usize, col: usize, part: &str) {
    let errors = errors(text);
    assert_eq!(
        errors.len(),
        1,
        "expected exactly one error, got {errors:#?}"
    );
    assert_located(&errors[0], line, col, part);
}

#[track_caller]
fn assert_located(e: &Located, line: usize, col: usize, part: &str) {
    assert_eq!(e.file, "test.toml", "{e}");
    assert_eq!((e.line, e.col), (line, col), "wrong place: {e}");
    assert!(e.message.contains(part), "{e}\ndoes not say {part:?}");
}

#[test]
fn base_fixture_loads() {
    let flow = load(BASE).unwrap();
    assert_eq!(flow.name, "test");
    assert_eq!(flow.steps[flow.start].name, "ask");
    let ask = &flow.steps[flow.step_named("ask").unwrap()];
    let StepKind::Menu {
        options,
        default_key,
        save_as,
        ..
    } = &ask.kind
    else {
        panic!("ask is not a menu: {:?}", ask.kind)
    };
    assert_eq!(default_key, &None);
    assert_eq!(save_as.as_deref(), Some("choice"));
    assert_eq!(options.keys().collect::<String>(), "12");
    assert_eq!(options[&'1'].next, flow.step_named("hello").unwrap());
    assert_eq!(options[&'1'].value, Some(Value::Literal("one".into())));
    assert_eq!(&*ask.no_input, "no-input");
    assert_eq!(ask.give_up, flow.step_named("bye").unwrap());
    assert_eq!((ask.timeout_secs, ask.tries), (6, 3));
}

#[test]
fn unknown_step_in_next() {
    assert_error(
        &with("next = \"bye\"\n", "next = \"by\"\n"),
        17,
        8,
        r#"there is no step "by""#,
    );
}

#[test]
fn unknown_step_in_an_option_next() {
    assert_error(
        &with(r#"next = "hello" }"#, r#"next = "helo" }"#),
        11,
        37,
        r#"there is no step "helo""#,
    );
}

#[test]
fn unknown_start() {
    assert_error(
        &with(r#"start = "ask""#, r#"start = "begin""#),
        2,
        9,
        r#"there is no step "begin""#,
    );
}

#[test]
fn unknown_give_up() {
    assert_error(
        &with(r#"give_up = "bye""#, r#"give_up = "goodbye""#),
        3,
        11,
        r#"there is no step "goodbye""#,
    );
}

#[test]
fn unreachable_step() {
    let text =
        format!("{BASE}\n[steps.orphan]\ntype = \"say\"\nprompt = [\"hello\"]\nnext = \"bye\"\n");
    assert_error(
        &text,
        23,
        1,
        r#"step "orphan" can never be reached from the start "ask""#,
    );
}

#[test]
fn a_step_reached_only_by_give_up_is_reachable() {
    // `bye` is the flow's give_up and also a `next`; make a step reached
    // only as a give_up and check it is not reported.
    let text = with(
        r#"save_as = "choice""#,
        "save_as = \"choice\"\ngive_up = \"sorry\"",
    ) + "\n[steps.sorry]\ntype = \"hangup\"\nprompt = [\"bye\"]\n";
    load(&text).unwrap();
}

#[test]
fn key_used_twice_in_one_menu() {
    let text = with(
        r#"options.2 = { value = "two", next = "bye" }"#,
        "options.2 = { value = \"two\", next = \"bye\" }\noptions.1 = { value = \"uno\", next = \"bye\" }",
    );
    let errors = errors(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].line, 13, "{}", errors[0]);
    assert_located(
        &errors[0],
        13,
        errors[0].col,
        "a key may appear only once in a menu",
    );
    assert!(errors[0].message.contains("duplicate key"), "{}", errors[0]);
}

#[test]
fn key_that_is_not_a_telephone_key() {
    assert_error(
        &with("options.2 =", "options.10 ="),
        12,
        9,
        r#""10" is not a telephone key"#,
    );
    assert_error(
        &with("options.2 =", "options.a ="),
        12,
        9,
        r#""a" is not a telephone key"#,
    );
}

#[test]
fn star_and_hash_are_keys() {
    let text = with("options.2 =", r#"options."*" ="#);
    let flow = load(&text).unwrap();
    let StepKind::Menu { options, .. } = &flow.steps[flow.start].kind else {
        panic!()
    };
    assert!(options.contains_key(&'*'));
}

#[test]
fn default_key_not_among_options() {
    assert_error(
        &with(
            r#"save_as = "choice""#,
            "save_as = \"choice\"\ndefault_key = \"3\"",
        ),
        11,
        15,
        r#"default_key 3 is not one of the options of menu "ask""#,
    );
}

#[test]
fn default_key_among_options_is_kept() {
    let flow = load(&with(
        r#"save_as = "choice""#,
        "save_as = \"choice\"\ndefault_key = \"2\"",
    ))
    .unwrap();
    let StepKind::Menu { default_key, .. } = &flow.steps[flow.start].kind else {
        panic!()
    };
    assert_eq!(*default_key, Some('2'));
}

#[test]
fn unknown_message_in_prompt() {
    assert_error(
        &with(r#"prompt = ["hello"]"#, r#"prompt = ["hello", "helo"]"#),
        16,
        20,
        r#"message "helo" is not in the Japanese locale"#,
    );
}

#[test]
fn unknown_message_in_a_prompt_table() {
    assert_error(
        &with(
            r#"prompt = ["hello"]"#,
            r#"prompt = ["hello", { msg = "helo", lang = "en" }]"#,
        ),
        16,
        20,
        r#"message "helo" is not in the Japanese locale"#,
    );
}

#[test]
fn unknown_message_in_help() {
    assert_error(
        &with(
            r#"prompt = ["ask"]"#,
            "prompt = [\"ask\"]\nhelp = [\"help-ask\"]",
        ),
        10,
        9,
        r#"message "help-ask" is not in the Japanese locale"#,
    );
}

#[test]
fn unknown_message_in_no_match() {
    assert_error(
        &with(
            r#"prompt = ["ask"]"#,
            "prompt = [\"ask\"]\nno_match = \"ask-again\"",
        ),
        10,
        12,
        r#"message "ask-again" is not in the Japanese locale"#,
    );
}

#[test]
fn unknown_message_in_the_flow_defaults() {
    assert_error(
        &with(r#"no_input = "no-input""#, r#"no_input = "silence""#),
        4,
        12,
        r#"message "silence" is not in the Japanese locale"#,
    );
}

#[test]
fn bad_condition_in_when() {
    assert_error(
        &with(r#"type = "say""#, "type = \"say\"\nwhen = \"choice = one\""),
        16,
        8,
        "cannot read the condition",
    );
}

#[test]
fn bad_condition_in_a_prompt() {
    assert_error(
        &with(
            r#"prompt = ["hello"]"#,
            r#"prompt = [{ msg = "hello", when = "choice is here" }]"#,
        ),
        16,
        11,
        "cannot read the condition",
    );
}

#[test]
fn when_without_next() {
    // A hangup may lack `next`, but not when it can be skipped.
    assert_error(
        &with(
            r#"type = "hangup""#,
            "type = \"hangup\"\nwhen = \"choice == one\"",
        ),
        19,
        1,
        r#"step "bye" has `when` but no `next`"#,
    );
}

#[test]
fn branch_without_when_before_the_last() {
    assert_error(
        &with(
            "next = \"bye\"\n",
            "next = [{ goto = \"ask\" }, { goto = \"bye\" }]\n",
        ),
        17,
        8,
        "only the last branch of `next` may be without `when`",
    );
}

#[test]
fn last_branch_with_when() {
    assert_error(
        &with(
            "next = \"bye\"\n",
            "next = [{ when = \"choice == one\", goto = \"bye\" }]\n",
        ),
        17,
        8,
        "the last branch of `next` must have no `when`",
    );
}

#[test]
fn unknown_step_and_bad_condition_in_a_branch() {
    let errors = errors(&with(
        "next = \"bye\"\n",
        "next = [{ when = \"choice=one\", goto = \"ask\" }, { goto = \"by\" }]\n",
    ));
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert_located(&errors[0], 17, 8, "cannot read the condition");
    assert_located(&errors[1], 17, 8, r#"there is no step "by""#);
}

#[test]
fn good_branches_load() {
    let flow = load(&with(
        "next = \"bye\"\n",
        "next = [{ when = \"choice == one\", goto = \"ask\" }, { goto = \"bye\" }]\n",
    ))
    .unwrap();
    let hello = &flow.steps[flow.step_named("hello").unwrap()];
    let Next::Branches(bs) = &hello.next else {
        panic!("{:?}", hello.next)
    };
    assert_eq!(bs.len(), 2);
    assert!(bs[0].0.is_some() && bs[1].0.is_none());
    assert_eq!(bs[0].1, flow.step_named("ask").unwrap());
    assert_eq!(bs[1].1, flow.step_named("bye").unwrap());
}

#[test]
fn misspelled_field_in_a_prompt_table() {
    // `whn` for `when` would otherwise make the prompt unconditional.
    assert_error(
        &with(
            r#"prompt = ["hello"]"#,
            r#"prompt = [{ msg = "hello", whn = "choice == one" }]"#,
        ),
        16,
        10,
        "check the spelling of the fields",
    );
}

#[test]
fn misspelled_field_in_a_branch() {
    assert_error(
        &with(
            "next = \"bye\"\n",
            "next = [{ when = \"choice == one\", goto = \"ask\" }, { goto = \"bye\", go = \"ask\" }]\n",
        ),
        17,
        8,
        "check the spelling of the fields",
    );
}

#[test]
fn say_without_next() {
    assert_error(
        &with("next = \"bye\"\n", ""),
        14,
        1,
        r#"step "hello" needs `next`"#,
    );
}

#[test]
fn hangup_with_next() {
    assert_error(
        &with(r#"type = "hangup""#, "type = \"hangup\"\nnext = \"ask\""),
        19,
        1,
        r#"step "bye" ends the call, so `next` would never be used"#,
    );
}

#[test]
fn field_not_used_by_the_step_type() {
    assert_error(
        &with(r#"type = "menu""#, "type = \"menu\"\nmin = 1"),
        7,
        1,
        r#"step "ask": `min/max` is not used by a menu step"#,
    );
    assert_error(
        &with(r#"type = "say""#, "type = \"say\"\nsave_as = \"x\""),
        14,
        1,
        r#"step "hello": `save_as` is not used by a say step"#,
    );
    assert_error(
        &with(r#"type = "hangup""#, "type = \"hangup\"\nmax_length = 30"),
        19,
        1,
        r#"step "bye": `max_length` is not used by a hangup step"#,
    );
}

#[test]
fn field_unknown_to_every_step() {
    let errors = errors(&with(r#"type = "say""#, "type = \"say\"\ncolour = \"red\""));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].line, 16, "{}", errors[0]);
    assert!(errors[0].message.contains("colour"), "{}", errors[0]);
}

#[test]
fn unknown_step_type() {
    assert_error(
        &with(r#"type = "say""#, r#"type = "speak""#),
        15,
        8,
        r#"unknown step type "speak""#,
    );
}

#[test]
fn unknown_variable_in_an_option_value() {
    assert_error(
        &with(r#"value = "two""#, r#"value = "$yesterday""#),
        12,
        13,
        "$yesterday is not a call variable; use one of $today, $next_school_day",
    );
}

#[test]
fn known_variables_in_values_and_set() {
    let flow = load(&with(
        r#"{ value = "two", next = "bye" }"#,
        r#"{ value = "$today", set = { day = "$next_school_day", why = "x" }, next = "bye" }"#,
    ))
    .unwrap();
    let StepKind::Menu { options, .. } = &flow.steps[flow.start].kind else {
        panic!()
    };
    assert_eq!(options[&'2'].value, Some(Value::Var("today".into())));
    assert_eq!(
        options[&'2'].set,
        vec![
            ("day".to_owned(), Value::Var("next_school_day".into())),
            ("why".to_owned(), Value::Literal("x".into())),
        ]
    );
}

#[test]
fn unknown_variable_in_set() {
    assert_error(
        &with(
            r#"{ value = "two", next = "bye" }"#,
            r#"{ value = "two", set = { day = "$tomorrow" }, next = "bye" }"#,
        ),
        12,
        13,
        "$tomorrow is not a call variable",
    );
}

#[test]
fn toml_syntax_error() {
    // A bare word where a string belongs: the error points at it.
    assert_error(
        &with(r#"type = "say""#, "type = say"),
        15,
        8,
        "check the TOML syntax here",
    );
    // An unclosed array runs on into the next line, where the parser finds
    // the next key instead of `,` or `]`.
    assert_error(
        &with(r#"prompt = ["ask"]"#, r#"prompt = ["ask""#),
        10,
        1,
        "check the TOML syntax here",
    );
    // An unclosed string.
    let errors = errors(&with(r#"type = "say""#, r#"type = "say"#));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].line, 15, "{}", errors[0]);
}

#[test]
fn missing_flow_header_field() {
    let errors = errors(&with("give_up = \"bye\"\n", ""));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].message.contains("give_up"), "{}", errors[0]);
}

#[test]
fn bad_step_name() {
    let text = with("[steps.bye]", "[steps.Bye]")
        .replace(r#"give_up = "bye""#, r#"give_up = "Bye""#)
        .replace(r#"next = "bye""#, r#"next = "Bye""#);
    let errors = errors(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_located(&errors[0], 19, 8, r#""Bye" is not a usable step name"#);
}

#[test]
fn bad_language_in_an_option() {
    assert_error(
        &with(r#"value = "two","#, r#"language = "not a language","#),
        12,
        26,
        "is not a language tag",
    );
}

#[test]
fn confirm_needs_yes_and_no() {
    let text = with(
        "next = \"bye\"\n",
        "next = \"check\"\n\n[steps.check]\ntype = \"confirm\"\nprompt = [\"ask\"]\nyes = { next = \"bye\" }\n",
    );
    assert_error(
        &text,
        19,
        1,
        r#"step "check" needs both `yes` (key 1) and `no` (key 2)"#,
    );
}

#[test]
fn digits_step_checks() {
    // A digits step after `hello`: its header on line 19, `fields` from 23.
    let digits = |fields: &str| {
        with(
            "next = \"bye\"\n",
            &format!(
                "next = \"number\"\n\n[steps.number]\ntype = \"digits\"\nprompt = [\"ask\"]\nnext = \"bye\"\n{fields}\n"
            ),
        )
    };
    load(&digits("save_as = \"n\"\nmin = 2\nmax = 4\nfinish_key = \"#\"\nskip_on_finish_key = true\nvalidate = { range = [10, 99] }")).unwrap();
    assert_error(
        &digits("save_as = \"n\"\nmin = 5\nmax = 4"),
        19,
        1,
        "need 1 <= min <= max <= 32 (min 5, max 4)",
    );
    assert_error(
        &digits("min = 1"),
        19,
        1,
        r#"step "number" needs `save_as`"#,
    );
    assert_error(
        &digits("save_as = \"n\"\nskip_on_finish_key = true"),
        19,
        1,
        "skip_on_finish_key needs a finish_key",
    );
    assert_error(
        &digits("save_as = \"n\"\nvalidate = \"email\""),
        24,
        12,
        r#"unknown validation "email""#,
    );
    assert_error(
        &digits("save_as = \"n\"\nvalidate = { range = [99, 10] }"),
        24,
        12,
        "range needs min <= max",
    );
    assert_error(
        &digits("save_as = \"N\""),
        23,
        11,
        r#""N" is not a usable answer name"#,
    );
}

/// A flow whose first step is a `choices` step (lines as numbered).
///
/// ```text
///  7 [steps.ask]
///  8 type = "choices"
///  9 prompt = ["ask"]
/// 10 timeout = 3
/// 11 save_as = "symptom"
/// 12 options.1 = { value = "fever" }
/// 13 options.2 = { value = "cough" }
/// 14 next = [{ when = "symptom has fever", goto = "hello" }, { goto = "bye" }]
/// ```
fn choices(old: &str, new: &str) -> String {
    let step = "type = \"choices\"\nprompt = [\"ask\"]\ntimeout = 3\nsave_as = \"symptom\"\noptions.1 = { value = \"fever\" }\noptions.2 = { value = \"cough\" }\nnext = [{ when = \"symptom has fever\", goto = \"hello\" }, { goto = \"bye\" }]\n";
    let text = with(
        "type = \"menu\"\nprompt = [\"ask\"]\nsave_as = \"choice\"\noptions.1 = { value = \"one\", next = \"hello\" }\noptions.2 = { value = \"two\", next = \"bye\" }\n",
        step,
    );
    assert!(
        old.is_empty() || text.matches(old).count() == 1,
        "fixture: {old:?}"
    );
    text.replacen(old, new, usize::from(!old.is_empty()))
}

#[test]
fn a_choices_step_loads() {
    let flow = load(&choices("", "")).unwrap_or_else(|e| panic!("{e}"));
    let step = &flow.steps[flow.start];
    let StepKind::Choices {
        options,
        finish_key,
        save_as,
    } = &step.kind
    else {
        panic!("{:?}", step.kind)
    };
    assert_eq!(
        options,
        &BTreeMap::from([('1', "fever".to_owned()), ('2', "cough".to_owned())])
    );
    assert_eq!((*finish_key, save_as.as_str()), ('#', "symptom"));
    assert_eq!(step.timeout_secs, 3);
    assert!(matches!(step.next, Next::Branches(ref b) if b.len() == 2));
    let other = load(&choices(
        "timeout = 3\n",
        "timeout = 3\nfinish_key = \"0\"\n",
    ))
    .unwrap();
    assert!(matches!(
        other.steps[other.start].kind,
        StepKind::Choices {
            finish_key: '0',
            ..
        }
    ));
}

#[test]
fn choices_step_keys_and_values() {
    // The same key twice: TOML itself refuses it, at the second one.
    let e = errors(&choices(
        "options.2 = { value = \"cough\" }\n",
        "options.2 = { value = \"cough\" }\noptions.2 = { value = \"rash\" }\n",
    ));
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].line, 14, "{}", e[0]);
    assert!(e[0].message.contains("duplicate key"), "{}", e[0]);
    // One value under two keys.
    assert_error(
        &choices("value = \"cough\"", "value = \"fever\""),
        13,
        9,
        r#"keys 1 and 2 of choices step "ask" both add "fever""#,
    );
    // `*` goes to the language menu, `#` ends the entry: not options.
    for key in ["*", "#"] {
        assert_error(
            &choices("options.2 =", &format!("options.\"{key}\" =")),
            13,
            9,
            &format!("key {key} cannot be an option of choices step \"ask\""),
        );
    }
    assert_error(
        &choices("options.2 =", "options.22 ="),
        13,
        9,
        r#""22" is not a telephone key"#,
    );
    assert_error(
        &choices("timeout = 3\n", "timeout = 3\nfinish_key = \"2\"\n"),
        14,
        9,
        "key 2 cannot be an option of choices step \"ask\": * returns to the language menu and 2 ends the entry",
    );
    assert_error(
        &choices("timeout = 3\n", "timeout = 3\nfinish_key = \"*\"\n"),
        11,
        14,
        r#"step "ask": * cannot end the entry"#,
    );
    // A value is one word of a comma list.
    assert_error(
        &choices("value = \"cough\"", "value = \"cough,cold\""),
        13,
        13,
        r#""cough,cold" cannot be a value of choices step "ask""#,
    );
    assert_error(
        &choices("value = \"cough\"", "value = \"$today\""),
        13,
        13,
        r#""$today" cannot be a value"#,
    );
    assert_error(
        &choices("{ value = \"cough\" }", "{ }"),
        13,
        13,
        r#"this option of choices step "ask" needs `value`"#,
    );
}

#[test]
fn choices_step_without_options_or_with_misplaced_fields() {
    assert_error(
        &choices(
            "options.1 = { value = \"fever\" }\noptions.2 = { value = \"cough\" }\n",
            "",
        ),
        7,
        1,
        r#"choices step "ask" has no `options`"#,
    );
    // An option holds only its value: the step's `next` decides.
    assert_error(
        &choices(
            "{ value = \"cough\" }",
            "{ value = \"cough\", next = \"bye\", clear = [\"x\"] }",
        ),
        13,
        13,
        "holds only `value`; remove `next`, `clear`",
    );
    for (field, shown) in [
        ("default = { next = \"bye\" }", "default"),
        ("default_key = \"1\"", "default_key"),
        ("min = 1", "min/max"),
        ("skip_on_finish_key = true", "skip_on_finish_key"),
        ("validate = \"time\"", "validate"),
        ("max_length = 10", "max_length"),
    ] {
        assert_error(
            &choices("timeout = 3\n", &format!("timeout = 3\n{field}\n")),
            7,
            1,
            &format!("step \"ask\": `{shown}` is not used by a choices step"),
        );
    }
    assert_error(
        &choices("save_as = \"symptom\"\n", ""),
        7,
        1,
        r#"step "ask" needs `save_as`"#,
    );
    assert_error(
        &choices(
            "next = [{ when = \"symptom has fever\", goto = \"hello\" }, { goto = \"bye\" }]\n",
            "",
        ),
        7,
        1,
        r#"step "ask" needs `next`"#,
    );
    // A menu's option, unlike a choices option, needs `next`.
    assert_error(
        &with("{ value = \"two\", next = \"bye\" }", "{ value = \"two\" }"),
        12,
        13,
        "this option needs `next`",
    );
}

#[test]
fn digits_without_next() {
    let text = with(
        "next = \"bye\"\n",
        "next = \"number\"\n\n[steps.number]\ntype = \"digits\"\nprompt = [\"ask\"]\nsave_as = \"n\"\n",
    );
    assert_error(&text, 19, 1, r#"step "number" needs `next`"#);
}

#[test]
fn step_without_prompt() {
    assert_error(
        &with("prompt = [\"bye\"]\n", ""),
        19,
        1,
        r#"step "bye" has no `prompt`"#,
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    // "はい" is 2 characters but 6 bytes.
    assert_error(
        &with(
            r#"value = "two", next = "bye""#,
            r#"value = "はい", next = "by""#,
        ),
        12,
        36,
        r#"there is no step "by""#,
    );
}

#[test]
fn several_errors_are_all_reported_sorted_by_line() {
    // Steps are checked in name order (ask, bye, hello), so `bye`'s error is
    // found before `hello`'s although it comes later in the file.
    let text = with(r#"start = "ask""#, r#"start = "nowhere""#)
        .replace("options.2 =", "options.22 =")
        .replace(r#"type = "say""#, r#"type = "speak""#)
        .replace(r#"prompt = ["bye"]"#, r#"prompt = ["ciao"]"#);
    let errors = errors(&text);
    let places: Vec<_> = errors.iter().map(|e| (e.line, e.col)).collect();
    assert_eq!(places, [(2, 9), (12, 9), (15, 8), (21, 11)], "{errors:#?}");
    assert!(errors[0].message.contains(r#"no step "nowhere""#));
    assert!(errors[1].message.contains(r#""22" is not a telephone key"#));
    assert!(errors[2].message.contains(r#"unknown step type "speak""#));
    assert!(errors[3].message.contains(r#"message "ciao""#));
}

#[test]
fn errors_on_one_line_are_sorted_by_column() {
    let errors = errors(&with(
        r#"options.1 = { value = "one", next = "hello" }"#,
        r#"options.1 = { value = "$now", next = "hullo" }"#,
    ));
    let places: Vec<_> = errors.iter().map(|e| (e.line, e.col)).collect();
    assert_eq!(places, [(11, 13), (11, 38)], "{errors:#?}");
}

#[test]
fn display_has_file_line_col_message() {
    let errors = errors(&with("next = \"bye\"\n", "next = \"by\"\n"));
    assert_eq!(
        errors[0].to_string(),
        r#"test.toml:17:8: there is no step "by"; define [steps.by] or correct the name"#
    );
    let e = load(
        &with(r#"start = "ask""#, r#"start = "nowhere""#)
            .replace("next = \"bye\"\n", "next = \"by\"\n"),
    )
    .unwrap_err();
    let shown = e.to_string();
    let lines: Vec<_> = shown.lines().collect();
    assert_eq!(lines.len(), 2, "{shown}");
    assert!(
        lines[0].starts_with("test.toml:2:9: there is no step \"nowhere\""),
        "{shown}"
    );
    assert!(
        lines[1].starts_with("test.toml:17:8: there is no step \"by\""),
        "{shown}"
    );
}

const ABSENCE: &str = include_str!("../../../call-flows/absence.toml");

#[test]
fn shipped_absence_flow_loads() {
    let flow = load_flow("absence", "call-flows/absence.toml", ABSENCE, &|_| true)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(flow.name, "absence");
    assert_eq!(flow.steps[flow.start].name, "caller");
    for name in [
        "caller",
        "greet",
        "who",
        "pick-child",
        "language",
        "student",
        "kind",
        "reason",
        "symptom",
        "temperature",
        "disease",
        "day",
        "arrival-time",
        "pickup-time",
        "record-message",
        "summary",
        "restart",
        "save",
        "saved",
        "goodbye",
        "voice-message",
        "save-voice-message",
        "voice-message-saved",
        "give-up",
        "day-count",
        "existing",
        "correction",
        "confirm-cancel",
        "save-cancel",
        "cancelled",
        "kept",
        "last-day",
        "message-instead",
    ] {
        assert!(flow.step_named(name).is_some(), "no step {name}");
    }
    assert_eq!(flow.steps.len(), 34);
    let temperature = &flow.steps[flow.step_named("temperature").unwrap()];
    assert_eq!(
        temperature.give_up,
        flow.step_named("day").unwrap(),
        "temperature gives up to day"
    );
    let StepKind::Digits {
        validate,
        skip_on_finish_key,
        ..
    } = &temperature.kind
    else {
        panic!()
    };
    assert!(*skip_on_finish_key);
    assert_eq!(
        *validate,
        Validate::Range {
            min: 350,
            max: 420,
            decimals: 1
        }
    );
    // Every message id it can speak was checked against the locale.
    let asked = std::cell::RefCell::new(std::collections::BTreeSet::new());
    let flow = load_flow("absence", "call-flows/absence.toml", ABSENCE, &|id| {
        asked.borrow_mut().insert(id.to_owned());
        true
    })
    .unwrap();
    let asked = asked.into_inner();
    for id in flow.message_ids() {
        assert!(asked.contains(&**id), "{id} was not checked");
    }
    assert!(asked.contains("ask-kind") && asked.contains("temperature-invalid"));
}

#[test]
fn shipped_absence_flow_errors_name_file_line_col() {
    let e = load_flow("absence", "call-flows/absence.toml", ABSENCE, &|id| {
        id != "ask-kind"
    })
    .unwrap_err();
    let line = 1 + ABSENCE
        .lines()
        .position(|l| l == r#"  "ask-kind","#)
        .expect("absence.toml asks for the kind");
    assert_eq!(
        e.to_string(),
        format!(
            "call-flows/absence.toml:{line}:3: message \"ask-kind\" is not in the Japanese locale (locales/ja/*.ftl); add it there or correct the id"
        )
    );
}

mod arbitrary_text {
    use proptest::prelude::*;

    use super::*;

    const SHIPPED: &str = include_str!("../../../call-flows/absence.toml");

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// An editor's typo anywhere never panics the loader: it is either
        /// a flow or a list of located errors inside the file.
        #[test]
        fn the_loader_never_panics_and_errors_point_inside_the_file(
            cut in 0usize..SHIPPED.len(),
            insert in "[ -~\u{3000}-\u{30ff}\n\"\\[\\]{}=#.]{0,12}",
        ) {
            let mut at = cut;
            while !SHIPPED.is_char_boundary(at) {
                at -= 1;
            }
            let text = format!("{}{}{}", &SHIPPED[..at], insert, &SHIPPED[at..]);
            let lines = text.lines().count().max(1);
            match load_flow("absence", "absence.toml", &text, &|_| true) {
                Ok(flow) => prop_assert!(!flow.steps.is_empty()),
                Err(FlowError::Invalid(errors)) => {
                    prop_assert!(!errors.is_empty());
                    for e in errors {
                        prop_assert!(e.line >= 1 && e.line <= lines + 1, "{e}");
                        prop_assert!(e.col >= 1);
                        prop_assert!(!e.message.is_empty());
                    }
                }
            }
        }

        #[test]
        fn any_bytes_are_refused_cleanly(text in "\\PC{0,300}") {
            let _ = load_flow("x", "x.toml", &text, &|_| true);
        }
    }
}
