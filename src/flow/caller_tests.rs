//! The flow's side of recognised callers: the `caller` lookup, the
//! `children` step (one key per child, options for the rest), prompts said
//! once per child (`each`) and routers (a `say` step without a prompt).

use std::collections::BTreeMap;

use super::engine::{Item, after_lookup, handle, start};
use super::*;
use crate::diagnostics::Located;
use crate::domain::LangTag;

const ABSENCE: &str = include_str!("../../call-flows/absence.toml");

/// A flow with a `children` step, `STEP` being its fields.
fn with_children(step: &str) -> String {
    format!(
        r#"[flow]
start = "who"
give_up = "bye"
no_input = "m"
no_match = "m"

[steps.who]
type = "lookup"
lookup = "caller"
next = "pick"

[steps.pick]
type = "children"
prompt = ["m", {{ msg = "m", each = "known" }}]
next = "bye"
{step}

[steps.bye]
type = "hangup"
prompt = ["m"]
"#
    )
}

fn errors(text: &str) -> Vec<Located> {
    match load_flow("test", "test.toml", text, &|_| true) {
        Ok(_) => panic!("expected errors, the flow loaded:\n{text}"),
        Err(FlowError::Invalid(e)) => e,
    }
}

#[track_caller]
fn assert_one_error(text: &str, part: &str) {
    let e = errors(text);
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(
        e[0].message.contains(part),
        "{}\ndoes not say {part:?}",
        e[0]
    );
}

#[test]
fn a_children_step_loads_with_a_list_and_its_other_keys() {
    let flow = load_flow(
        "test",
        "test.toml",
        &with_children("list = \"known\"\noptions.9 = { next = \"bye\", set = { known = \"all\" } }\noptions.0 = { next = \"bye\" }"),
        &|_| true,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let pick = &flow.steps[flow.step_named("pick").unwrap()];
    let StepKind::Children { list, options } = &pick.kind else {
        panic!("{:?}", pick.kind)
    };
    assert_eq!(list, "known");
    assert_eq!(options.keys().collect::<String>(), "09");
    assert_eq!(pick.prompt[1].each.as_deref(), Some("known"));
}

#[test]
fn a_children_step_needs_a_list_and_leaves_keys_1_to_8_to_the_children() {
    assert_one_error(&with_children(""), "needs `list`");
    assert_one_error(
        &with_children("list = \"known\"\noptions.3 = { next = \"bye\" }"),
        "key 3 of children step \"pick\" picks a child",
    );
    assert_one_error(
        &with_children("list = \"known\"\nsave_as = \"x\""),
        "`save_as` is not used by a children step",
    );
    assert_one_error(
        &with_children("list = \"Known!\""),
        "not a usable answer name",
    );
}

#[test]
fn each_names_a_list_and_lookups_are_known_by_name() {
    let text = with_children("list = \"known\"").replace("each = \"known\"", "each = \"no way\"");
    assert_one_error(&text, "`each = \"no way\"` is not an answer name");
    let text =
        with_children("list = \"known\"").replace("lookup = \"caller\"", "lookup = \"callers\"");
    let e = errors(&text);
    assert!(
        e.iter().any(|e| e
            .message
            .contains("unknown lookup \"callers\"; use one of existing-report, last-day, caller")),
        "{e:#?}"
    );
}

#[test]
fn a_say_step_without_a_prompt_is_a_router_only_with_branches() {
    let router = with_children("list = \"known\"").replace(
        "[steps.bye]",
        "[steps.route]\ntype = \"say\"\nnext = [{ when = \"known is set\", goto = \"pick\" }, { goto = \"bye\" }]\n\n[steps.bye]",
    )
    .replace("next = \"pick\"", "next = \"route\"");
    load_flow("test", "test.toml", &router, &|_| true).unwrap_or_else(|e| panic!("{e}"));
    let silent = router.replace(
        "next = [{ when = \"known is set\", goto = \"pick\" }, { goto = \"bye\" }]",
        "next = \"pick\"",
    );
    assert_one_error(&silent, "has no `prompt`");
}

struct World {
    flow: Flow,
    vars: BTreeMap<&'static str, String>,
    ja: LangTag,
}

impl World {
    fn new() -> World {
        World {
            flow: load_flow("absence", "call-flows/absence.toml", ABSENCE, &|_| true)
                .unwrap_or_else(|e| panic!("{e}")),
            vars: BTreeMap::from([("today", "2026-11-25".to_owned())]),
            ja: LangTag::parse("ja").unwrap(),
        }
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            roster: None,
            vars: &self.vars,
            default_lang: &self.ja,
        }
    }

    /// A new call whose `caller` lookup found `found`.
    fn call(&self, found: &[(&str, &str)]) -> Outcome {
        let Outcome::Lookup {
            what: Lookup::Caller,
            pending,
            state,
        } = start(&self.flow, &self.ctx()).unwrap()
        else {
            panic!("the call starts with the caller lookup")
        };
        let found = found
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        after_lookup(&self.flow, state, pending, found, &self.ctx()).unwrap()
    }
}

fn prompt(o: &Outcome) -> (&CallState, Vec<String>) {
    let Outcome::Prompt { state, say, .. } = o else {
        panic!("{o:?}")
    };
    let says = say
        .iter()
        .map(|s| match &s.item {
            Some(i) => format!("{}#{}", s.msg, i.n),
            None => s.msg.to_string(),
        })
        .collect();
    (state, says)
}

const SIBLINGS: [(&str, &str); 8] = [
    ("caller-language", "en"),
    ("known-count", "2"),
    ("known-1-student", "10215"),
    ("known-1-grade", "3"),
    ("known-1-child-kana", "けんた"),
    ("known-2-student", "20101"),
    ("known-2-grade", "2"),
    ("known-2-child-kana", "あおい"),
];

#[test]
fn a_remembered_language_is_greeted_and_siblings_are_offered_one_key_each() {
    let w = World::new();
    let o = w.call(&SIBLINGS);
    let (state, says) = prompt(&o);
    assert_eq!(state.step, "pick-child");
    assert_eq!(
        says,
        [
            "welcome",
            "change-language",
            "pick-child",
            "pick-child-option#1",
            "pick-child-option#2",
            "pick-child-all",
            "pick-child-other"
        ]
    );
}

#[test]
fn a_key_picks_a_child_9_all_of_them_and_0_another() {
    let w = World::new();
    let at_pick = || prompt(&w.call(&SIBLINGS)).0.clone();
    let key = |k: &str| handle(&w.flow, at_pick(), Input::Digits(k.into()), &w.ctx()).unwrap();

    let o = key("2");
    let (state, says) = prompt(&o);
    assert_eq!(state.step, "kind");
    assert_eq!(state.answers["student"], "20101");
    assert_eq!(state.answers["grade"], "2");
    assert_eq!(state.answers["child-kana"], "あおい");
    assert_eq!(state.answers["known"], "2");
    assert_eq!(says, ["known-child", "ask-kind", "ask-kind-other-child"]);

    let o = key("9");
    let (state, _) = prompt(&o);
    assert_eq!(state.step, "kind");
    assert_eq!(state.answers["known"], "all");
    assert!(!state.answers.contains_key("student"));

    let o = key("0");
    let (state, says) = prompt(&o);
    assert_eq!(state.step, "student");
    assert!(!state.answers.contains_key("known"));
    assert_eq!(says, ["ask-student"]);

    // A child the list does not have: asked again.
    let o = key("3");
    let (state, says) = prompt(&o);
    assert_eq!((state.step.as_str(), state.no_match), ("pick-child", 1));
    assert_eq!(says[0], "no-match");
}

#[test]
fn one_known_child_goes_straight_to_the_kind_and_0_forgets_it() {
    let w = World::new();
    let o = w.call(&[
        ("caller-language", "en"),
        ("student", "10203"),
        ("grade", "1"),
        ("class", "2"),
        ("number", "3"),
        ("child-kana", "はなこ"),
        ("known", "1"),
    ]);
    let (state, says) = prompt(&o);
    assert_eq!(state.step, "kind");
    assert_eq!(
        says,
        [
            "welcome",
            "change-language",
            "known-child",
            "ask-kind",
            "ask-kind-other-child"
        ]
    );
    let o = handle(&w.flow, state.clone(), Input::Digits("0".into()), &w.ctx()).unwrap();
    let (state, _) = prompt(&o);
    assert_eq!(state.step, "student");
    for gone in ["student", "grade", "class", "number", "child-kana", "known"] {
        assert!(!state.answers.contains_key(gone), "{gone} kept");
    }
}

#[test]
fn nobody_known_hears_the_language_menu_then_the_student_number() {
    let w = World::new();
    let o = w.call(&[]);
    let (state, _) = prompt(&o);
    assert_eq!(state.step, "language");
    let o = handle(&w.flow, state.clone(), Input::Digits("2".into()), &w.ctx()).unwrap();
    assert_eq!(prompt(&o).0.step, "student");
}

#[test]
fn an_item_speaks_with_its_own_answers_and_key() {
    let answers: BTreeMap<String, String> = SIBLINGS
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let item = Item {
        list: "known".into(),
        n: 2,
    };
    let seen = item.answers(&answers);
    assert_eq!(seen["child-kana"], "あおい");
    assert_eq!(seen["grade"], "2");
    assert_eq!(seen["key"], "2");
    assert_eq!(seen["known-1-child-kana"], "けんた");
}

#[test]
fn a_call_state_holds_a_family_of_eight_and_a_whole_report() {
    let mut state = CallState::new("summary", LangTag::parse("en").unwrap());
    for n in 1..=MAX_CHILDREN {
        for field in [
            "student",
            "grade",
            "class",
            "number",
            "child-kana",
            "child-name",
        ] {
            state
                .answers
                .insert(format!("known-{n}-{field}"), "1".to_owned());
        }
    }
    for name in [
        "caller-language",
        "known-count",
        "known",
        "kind",
        "reason",
        "symptom",
        "temperature",
        "disease",
        "day",
        "days",
        "time",
        "recording",
        "correction",
        "existing-kind",
        "existing-reference",
        "existing-day",
        "existing-count",
        "existing-references",
        "reference",
        "student",
        "grade",
        "class",
        "number",
        "child-kana",
        "child-name",
    ] {
        state.answers.insert(name.to_owned(), "1".to_owned());
    }
    let pairs = state.to_pairs();
    let back = CallState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    assert_eq!(back.as_ref(), Ok(&state), "{back:?}");
}
