// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The remote session's orchestration on top of the link (docs/session.md, "Session flow"): live record, freezing,
 * the signing walk-through split between terminal and workstation, sealing, resumption from the session store, and
 * the headless pair. No JavaFX; the screens in {@code desktop/app} drive the same classes. The workstation's half is a
 * state machine ({@link org.tixun.core.session.flow.WorkstationFlow}: an immutable
 * {@link org.tixun.core.session.flow.WorkstationState}, events applied by
 * {@link org.tixun.core.session.flow.WorkstationTransitions}, steps injected as
 * {@link org.tixun.core.session.flow.WorkstationSteps}).
 */
package org.tixun.core.session.flow;
