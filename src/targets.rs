//! Targets: the level a team (or its leadership) means each area to reach, as read from a
//! `mognad.targets/1` file. An answers file can carry the same targets in its own `targets`
//! field; a targets file given to `score` or `report` takes their place, so that targets
//! decided once can be kept apart from the year's answers.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "mognad.targets/1";

/// The lowest and highest level a target can be: 0 is no target worth setting.
pub const LEVELS: std::ops::RangeInclusive<u8> = 1..=5;

/// One region's targets per area for one questionnaire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "mognad targets", extend("$id" = "mognad.targets/1"))]
pub struct Targets {
    /// Always `mognad.targets/1`.
    pub format: String,
    /// The id of the questionnaire whose areas the targets are for, such as `tiopunkt`.
    pub questionnaire: String,
    /// The region, municipality or provider the targets are for, as its answers name it.
    pub region: String,
    /// The year by which the targets are to be reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Free text: who decided the targets and when, or that they are fictional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The level 1–5 to reach, per area id. An area left out has no target.
    #[schemars(extend("additionalProperties" = { "type": "integer", "minimum": 1, "maximum": 5 }))]
    pub targets: IndexMap<String, u8>,
}
