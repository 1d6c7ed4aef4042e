//! The PDF profile for leadership: the model decides every number and sentence, the pages
//! lay them out, and the toolkit writes tagged, archivable PDF. Rendering is pure: a model in,
//! bytes out.

pub mod model;
pub mod pages;
pub mod pdf;
pub mod radar;

pub use pages::{Rendered, render};
