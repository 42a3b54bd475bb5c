// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.workstation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.tixun.app.ui.AppContext;
import org.tixun.core.cases.CaseFile;
import org.tixun.core.cases.CaseValidationException;
import org.tixun.core.cases.Participant;
import org.tixun.core.cases.ParticipantRole;
import org.tixun.core.cases.Sex;
import org.tixun.core.cases.ValidationIssue;
import org.tixun.core.util.Messages;

/**
 * Edits one case: number, cause of action, the suspect's identity (DOMAIN.md record header) and the
 * other participants. Validation messages are keyed by field so the view shows them beside it.
 */
public final class CaseEditorViewModel {
    /** Field keys used in {@link #errors()}; "participants" collects participant-level messages. */
    public static final String PARTICIPANTS = "participants";

    private final AppContext ctx;
    private String caseId;
    private String createdAt;
    private String suspectId;
    private final StringProperty caseNumber = new SimpleStringProperty("");
    private final StringProperty causeOfAction = new SimpleStringProperty("");
    private final StringProperty suspectName = new SimpleStringProperty("");
    private final StringProperty aliases = new SimpleStringProperty("");
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> dateOfBirth = new SimpleObjectProperty<>();
    private final StringProperty idNumber = new SimpleStringProperty("");
    private final StringProperty ethnicity = new SimpleStringProperty("");
    private final StringProperty education = new SimpleStringProperty("");
    private final StringProperty occupation = new SimpleStringProperty("");
    private final StringProperty householdRegistration = new SimpleStringProperty("");
    private final StringProperty residence = new SimpleStringProperty("");
    private final StringProperty priorPenalties = new SimpleStringProperty("");
    private final BooleanProperty needsInterpreter = new SimpleBooleanProperty(false);
    private final StringProperty language = new SimpleStringProperty("");
    private final ObservableList<ParticipantRow> participants = FXCollections.observableArrayList();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);

    public CaseEditorViewModel(AppContext ctx) {
        this.ctx = ctx;
        clear();
        for (StringProperty p : List.of(caseNumber, causeOfAction, suspectName, aliases, idNumber, ethnicity,
                education, occupation, householdRegistration, residence, priorPenalties, language)) {
            p.addListener((o, a, b) -> dirty.set(true));
        }
        sex.addListener((o, a, b) -> dirty.set(true));
        dateOfBirth.addListener((o, a, b) -> dirty.set(true));
        needsInterpreter.addListener((o, a, b) -> dirty.set(true));
        participants.addListener((javafx.collections.ListChangeListener<ParticipantRow>) c -> dirty.set(true));
        // Messages shown are written again in the new language.
        ctx.i18n().localeProperty().addListener((o, was, now) -> {
            if (!errors.isEmpty() && !errors.containsKey("form")) {
                validate();
            }
        });
    }

    /** Starts a new case with the signed-in prosecutor as first interrogator. */
    public void clear() {
        caseId = null;
        createdAt = null;
        suspectId = null;
        for (StringProperty p : List.of(caseNumber, causeOfAction, suspectName, aliases, idNumber, ethnicity,
                education, occupation, householdRegistration, residence, priorPenalties, language)) {
            p.set("");
        }
        sex.set(null);
        dateOfBirth.set(null);
        needsInterpreter.set(false);
        participants.clear();
        var user = ctx.currentUserProperty().get();
        participants.add(new ParticipantRow(null, ParticipantRole.INTERROGATOR, user == null ? "" : user.displayName(),
                null, "", null));
        participants.add(new ParticipantRow(null, ParticipantRole.RECORDER, "", null, "", null));
        errors.clear();
        dirty.set(false);
    }

    public void load(CaseFile c) {
        clear();
        participants.clear();
        caseId = c.id();
        createdAt = c.createdAt();
        caseNumber.set(c.caseNumber());
        causeOfAction.set(c.causeOfAction());
        for (Participant p : c.participants()) {
            if (p.role() == ParticipantRole.SUSPECT) {
                suspectId = p.id();
                suspectName.set(nz(p.name()));
                aliases.set(nz(p.aliases()));
                sex.set(p.sex());
                dateOfBirth.set(p.dateOfBirth());
                idNumber.set(nz(p.idNumber()));
                ethnicity.set(nz(p.ethnicity()));
                education.set(nz(p.education()));
                occupation.set(nz(p.occupation()));
                householdRegistration.set(nz(p.householdRegistration()));
                residence.set(nz(p.residence()));
                priorPenalties.set(nz(p.priorPenalties()));
                needsInterpreter.set(p.needsInterpreter());
                language.set(nz(p.language()));
            } else {
                participants.add(ParticipantRow.of(p));
            }
        }
        errors.clear();
        dirty.set(false);
    }

    /** The case as edited: the suspect first, then the other participants in table order. */
    public CaseFile toCase() {
        List<Participant> people = new ArrayList<>();
        people.add(new Participant(suspectId, ParticipantRole.SUSPECT, suspectName.get().strip(), sex.get(),
                null, blankToNull(aliases.get()), dateOfBirth.get(), blankToNull(idNumber.get()),
                blankToNull(ethnicity.get()), blankToNull(education.get()), blankToNull(occupation.get()),
                blankToNull(householdRegistration.get()), blankToNull(residence.get()),
                blankToNull(priorPenalties.get()), blankToNull(language.get()), needsInterpreter.get(), null));
        for (ParticipantRow row : participants) {
            people.add(row.toParticipant());
        }
        return new CaseFile(caseId, caseNumber.get(), causeOfAction.get(), people, createdAt, null);
    }

    /** Validates; returns true when the case obeys every rule. Messages land in {@link #errors()}. */
    public boolean validate() {
        return show(ctx.core().validator().validate(toCase()));
    }

    /** Validates for a record kind (adds rule 15 for plea agreements). */
    public boolean validateFor(String kind) {
        return show(ctx.core().validator().validateForRecord(toCase(), kind));
    }

    private boolean show(List<ValidationIssue> issues) {
        errors.clear();
        for (ValidationIssue i : issues) {
            String field = i.field().startsWith(PARTICIPANTS) ? PARTICIPANTS : i.field();
            String text = Messages.get(ctx.i18n().locale(), i.key(), i.args());
            errors.merge(field, text, (a, b) -> a + "\n" + b);
        }
        return issues.isEmpty();
    }

    /** Saves in the background after validation; {@code onSaved} gets the stored case. */
    public void save(Consumer<CaseFile> onSaved) {
        if (!validate()) {
            return;
        }
        CaseFile edited = toCase();
        busy.set(true);
        ctx.tasks().run(() -> ctx.core().cases().save(ctx.actor(), edited), saved -> {
            busy.set(false);
            load(saved);
            onSaved.accept(saved);
        }, failure -> {
            busy.set(false);
            if (failure instanceof CaseValidationException cve) {
                show(cve.issues());
            } else {
                errors.put("form", org.tixun.app.i18n.CoreText.describe(ctx.i18n(), failure));
            }
        });
    }

    public boolean isNew() {
        return caseId == null;
    }

    public String caseId() {
        return caseId;
    }

    public void addParticipant(ParticipantRole role) {
        participants.add(new ParticipantRow(null, role, "", null, "", role == ParticipantRole.LAWYER
                ? Participant.LawyerKind.DUTY_LAWYER : null));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public StringProperty caseNumberProperty() {
        return caseNumber;
    }

    public StringProperty causeOfActionProperty() {
        return causeOfAction;
    }

    public StringProperty suspectNameProperty() {
        return suspectName;
    }

    public StringProperty aliasesProperty() {
        return aliases;
    }

    public ObjectProperty<Sex> sexProperty() {
        return sex;
    }

    public ObjectProperty<LocalDate> dateOfBirthProperty() {
        return dateOfBirth;
    }

    public StringProperty idNumberProperty() {
        return idNumber;
    }

    public StringProperty ethnicityProperty() {
        return ethnicity;
    }

    public StringProperty educationProperty() {
        return education;
    }

    public StringProperty occupationProperty() {
        return occupation;
    }

    public StringProperty householdRegistrationProperty() {
        return householdRegistration;
    }

    public StringProperty residenceProperty() {
        return residence;
    }

    public StringProperty priorPenaltiesProperty() {
        return priorPenalties;
    }

    public BooleanProperty needsInterpreterProperty() {
        return needsInterpreter;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public ObservableList<ParticipantRow> participants() {
        return participants;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }
}
