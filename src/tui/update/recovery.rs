//! Keeping the officer's work: the offer of unrecovered work on opening (恢复 / 丢弃 /
//! 查看差异), the draft another gongkai has open, and read-only viewing.

use super::{
    Action, App, Command, Dialog, Doc, Effect, FormField, Screen, Template, current_form_field,
    enter_page, error, info, layout, pages, place, tr,
};
use crate::tui::app::{RecoverView, RecoveryOffer};
use crate::tui::keys::Context;

/// The recovery dialog. Returns whether it stays open.
pub(super) fn recover_dialog(
    app: &mut App,
    offer: &RecoveryOffer,
    view: &mut RecoverView,
    input: Action,
    effects: &mut Vec<Effect>,
) -> bool {
    let lang = app.lang;
    let Action::Command(cmd) = input else {
        return true;
    };
    match (*view, cmd) {
        // Leaving now keeps the recovery file for next time: nothing has been decided.
        (_, Command::Quit) => {
            app.quit = true;
            effects.push(Effect::Quit);
            return true;
        }
        (RecoverView::ConfirmDiscard, Command::Yes) => {
            effects.push(Effect::DiscardRecovery(offer.pending.recovery.clone()));
            info(app, tr::recovery_discarded(lang).into());
            app.dialog = None;
            next_offer(app, effects);
            return app.dialog.is_some();
        }
        (RecoverView::ConfirmDiscard, _) => *view = RecoverView::Offer,
        (_, Command::Restore) => {
            restore(app, offer);
            app.dialog = None;
            next_offer(app, effects);
            return app.dialog.is_some();
        }
        (_, Command::Discard) => *view = RecoverView::ConfirmDiscard,
        (RecoverView::Offer, Command::ShowDifferences) => {
            *view = RecoverView::Differences { scroll: 0 };
        }
        (RecoverView::Differences { .. }, Command::Cancel | Command::ShowDifferences) => {
            *view = RecoverView::Offer;
        }
        (RecoverView::Differences { scroll }, _) => {
            let page = layout::recovery_list_height(app.height).max(1);
            let last = offer.differences.len().saturating_sub(page);
            let scroll = match cmd {
                Command::Up => scroll.saturating_sub(1),
                Command::Down => scroll + 1,
                Command::PrevSection => scroll.saturating_sub(page),
                Command::NextSection => scroll + page,
                _ => scroll,
            };
            *view = RecoverView::Differences {
                scroll: scroll.min(last),
            };
        }
        (RecoverView::Offer, _) => error(app, tr::recovery_answer_needed(lang).into()),
    }
    true
}

/// Offers the next recovery file of the open draft, if one is left; its differences are counted
/// against the draft as it is now (after an earlier restore), and one that adds nothing to it
/// is removed.
pub(super) fn next_offer(app: &mut App, effects: &mut Vec<Effect>) {
    let Some(doc) = &mut app.doc else { return };
    while !doc.offers.is_empty() {
        let mut offer = doc.offers.remove(0);
        let template = Template::builtin(&offer.recovered.template).unwrap_or(doc.template);
        offer.differences = crate::recovery::differences(template, &doc.draft, &offer.recovered);
        if offer.differences.is_empty() {
            effects.push(Effect::DiscardRecovery(offer.pending.recovery.clone()));
            continue;
        }
        app.dialog = Some(Dialog::Recover {
            offer: Box::new(offer),
            view: RecoverView::Offer,
        });
        return;
    }
}

/// Puts the recovered work in the editor as one change (Ctrl-Z goes back to the saved draft);
/// it is saved when the officer saves.
pub(super) fn restore(app: &mut App, offer: &RecoveryOffer) {
    let today = app.today;
    let lang = app.lang;
    let here = place(app);
    let Some(doc) = &mut app.doc else { return };
    let template = Template::builtin(&offer.recovered.template).unwrap_or(doc.template);
    doc.history.seal();
    doc.history.record(&doc.draft, here, None);
    doc.draft = offer.recovered.clone();
    doc.template = template;
    doc.restored_from.push(offer.pending.recovery.clone());
    doc.changed(today);
    doc.recheck(today);
    if app.pages != pages(template) {
        app.pages = pages(template);
        app.tables.clear();
        app.page = 0;
    }
    enter_page(app);
    info(app, tr::recovered(lang, offer.differences.len()));
}

/// Another gongkai has the draft: view it read-only, or go back to the start screen.
pub(super) fn lock_dialog(app: &mut App, input: Action, effects: &mut Vec<Effect>) -> bool {
    match input {
        Action::Command(Command::ViewReadOnly) => {
            info(app, tr::viewing_read_only(app.lang).into());
            false
        }
        Action::Command(Command::Cancel) => {
            app.doc = None;
            app.screen = Screen::Start;
            app.pages.clear();
            effects.push(Effect::List);
            false
        }
        Action::Command(Command::Quit) => {
            app.quit = true;
            effects.push(Effect::Quit);
            false
        }
        _ => true,
    }
}

/// In read-only viewing, whether an input would change the draft (or save it): such input is
/// refused with a word, and moving about, the findings and exporting still work.
pub(super) fn refused_read_only(app: &mut App, input: &Action) -> bool {
    if !app.doc.as_ref().is_some_and(Doc::is_read_only) {
        return false;
    }
    let context = app.context();
    let refused = match input {
        Action::Char(_) | Action::Paste(_) => context != Context::Export,
        Action::Command(c) => {
            crate::tui::app::read_only_refuses(context, *c)
                || (matches!(c, Command::Left | Command::Right)
                    && context == Context::Form
                    && current_form_field(app) == Some(FormField::Kind))
        }
        _ => false,
    };
    if refused && let Some(doc) = &app.doc {
        let text = match &doc.access {
            crate::tui::app::Access::ReadOnly(why) => tr::read_only_refused(app.lang, why),
            crate::tui::app::Access::Editing(_) => String::new(),
        };
        error(app, text);
    }
    refused
}
