"""The vocabulary enums on the store's text columns: same text stored, members read back,
unknown words refused. (That no migration is needed is test_database's schema compare.)"""

from datetime import date

import pytest
from factories import ANA, NOW, account, add, add_links, ev, link
from sqlalchemy import select, text
from sqlalchemy.exc import StatementError

from desktop.core.vocabulary import AccountState, AckAction, AckHow, CandidateState
from desktop.queries.candidates import set_candidate_state
from desktop.queries.people import acknowledge
from desktop.store.models import Account, Acknowledgement, Candidate, Person


def test_words_are_stored_as_the_text_they_always_were_and_read_back_as_members(store):
    add(store, ev(ANA, "share", hours_ago=2))
    with store.session() as s:
        person_id = s.scalar(select(Person.id))
        acknowledge(s, person_id, "thanked", how="like", now=NOW, today=NOW.date())
    with store.read() as s:
        raw = s.execute(text("SELECT action, how FROM acknowledgements")).one()
        ack = s.execute(select(Acknowledgement.action, Acknowledgement.how)).one()
        state = s.scalar(select(Account.state))
    assert tuple(raw) == ("thanked", "like")  # plain str, as a raw query or an old build reads
    assert type(raw[0]) is str
    assert ack.action is AckAction.THANKED and ack.how is AckHow.LIKE
    assert state is AccountState.OK


def test_an_empty_how_stays_empty(store):
    add(store, ev(ANA, "share", hours_ago=2))
    with store.session() as s:
        person_id = s.scalar(select(Person.id))
        acknowledge(s, person_id, AckAction.SNOOZED, until=date(2099, 1, 1), now=NOW)
    with store.read() as s:
        ack = s.execute(select(Acknowledgement.action, Acknowledgement.how)).one()
    assert tuple(ack) == (AckAction.SNOOZED, "")


def test_a_word_outside_the_vocabulary_is_refused(store):
    with store.session() as s:
        account(s)
    refused = pytest.raises(StatementError, match="'paused' is not a valid AccountState")
    with refused, store.session() as s:
        s.scalar(select(Account)).state = "paused"
    with store.read() as s:
        assert s.scalar(select(Account.state)) is AccountState.OK  # rolled back


def test_candidate_states_round_trip(store):
    add_links(store, link("https://a.example/post", hours_ago=1))
    with store.session() as s:
        cid = s.scalar(select(Candidate.id))
        assert s.scalar(select(Candidate.state)) is CandidateState.NEW
        set_candidate_state(s, cid, "skipped", now=NOW)
    with store.read() as s:
        assert s.scalar(select(Candidate.state)) is CandidateState.SKIPPED
