// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.app.ui.setup;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tixun.app.i18n.I18n;
import org.tixun.app.ui.AppContext;
import org.tixun.app.ui.DataDirField;
import org.tixun.app.ui.Forms;
import org.tixun.app.ui.Styles;
import org.tixun.app.ui.shell.TopBar;
import org.tixun.core.users.AppMode;

/**
 * The first-run wizard of a detention-centre terminal: the terminal's name and port (with the machine's real
 * addresses a workstation will dial), the local administrator and the kiosk PIN; the institution's certificate comes
 * later, by enrolling with a workstation.
 */
public final class TerminalSetupView extends VBox {
    /**
     * @param onDone after saving: goes on to the login and the kiosk (its enrolment screen)
     * @param notATerminal back to the full wizard for a workstation or archive machine, or null
     */
    public TerminalSetupView(AppContext ctx, TerminalSetupViewModel vm, Consumer<AppMode> onDone,
            Runnable notATerminal) {
        I18n i18n = ctx.i18n();
        setId("terminalSetup");
        var errors = vm.errors();
        Label title = new Label();
        title.textProperty().bind(i18n.bind("terminal.setup.title"));
        title.getStyleClass().add(Styles.APP_TITLE);
        title.setWrapText(true);
        Label intro = new Label();
        intro.textProperty().bind(i18n.bind("terminal.setup.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.MUTED);

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            grid.getColumnConstraints().add(c);
        }
        int r = 0;
        grid.add(section(i18n, "terminal.setup.section.terminal"), 0, r++, 2, 1);
        grid.add(Forms.field(i18n, "terminal.setup.name", input(new TextField(), "terminalSetupName",
                vm.terminalNameProperty()), errors, "terminalName"), 0, r++, 2, 1);
        grid.add(Forms.field(i18n, "terminal.setup.port", input(new TextField(), "terminalSetupPort",
                vm.portProperty()), errors, "port"), 0, r++);
        Label addresses = new Label();
        addresses.setId("terminalSetupAddresses");
        addresses.setWrapText(true);
        addresses.textProperty().bind(Bindings.createStringBinding(() -> i18n.text("terminal.setup.addresses",
                String.join(i18n.text("terminal.addresses.separator"), vm.addresses().get())), vm.addresses(),
                i18n.localeProperty()));
        grid.add(addresses, 0, r++, 2, 1);
        grid.add(section(i18n, "setup.section.admin"), 0, r++, 2, 1);
        grid.add(Forms.field(i18n, "setup.adminUsername", input(new TextField(), "terminalSetupAdminUsername",
                vm.adminUsernameProperty()), errors, "adminUsername"), 0, r);
        grid.add(Forms.field(i18n, "setup.adminName", input(new TextField(), "terminalSetupAdminName",
                vm.adminNameProperty()), errors, "adminName"), 1, r++);
        grid.add(Forms.field(i18n, "setup.adminPassword", input(new PasswordField(), "terminalSetupAdminPassword",
                vm.adminPasswordProperty()), errors, "adminPassword"), 0, r);
        grid.add(Forms.field(i18n, "setup.adminPassword2", input(new PasswordField(), "terminalSetupAdminPassword2",
                vm.adminPassword2Property()), errors, "adminPassword2"), 1, r++);
        grid.add(section(i18n, "terminal.setup.section.kiosk"), 0, r++, 2, 1);
        grid.add(Forms.field(i18n, "setup.kioskPin", input(new PasswordField(), "terminalSetupPin",
                vm.kioskPinProperty()), errors, "kioskPin"), 0, r);
        grid.add(Forms.field(i18n, "terminal.setup.pin2", input(new PasswordField(), "terminalSetupPin2",
                vm.kioskPin2Property()), errors, "kioskPin2"), 1, r++);
        grid.add(section(i18n, "terminal.setup.section.data"), 0, r++, 2, 1);
        grid.add(Forms.field(i18n, "datadir.label", new DataDirField(ctx), null, null), 0, r++, 2, 1);
        Label next = new Label();
        next.textProperty().bind(i18n.bind("terminal.setup.next"));
        next.setWrapText(true);
        next.getStyleClass().add(Styles.MUTED);
        grid.add(next, 0, r++, 2, 1);

        Button finish = new Button();
        finish.setId("terminalSetupFinish");
        finish.textProperty().bind(i18n.bind("setup.finish"));
        finish.getStyleClass().add("accent");
        finish.setDefaultButton(true);
        finish.setMinWidth(Button.USE_PREF_SIZE);
        finish.disableProperty().bind(vm.busyProperty());
        finish.setOnAction(e -> vm.complete(onDone));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(vm.busyProperty());
        FlowPane actions = new FlowPane(10, 8, finish, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        if (notATerminal != null) {
            Hyperlink other = new Hyperlink();
            other.setId("terminalSetupNotATerminal");
            other.textProperty().bind(i18n.bind("terminal.setup.notATerminal"));
            other.setOnAction(e -> notATerminal.run());
            actions.getChildren().add(other);
        }

        VBox card = new VBox(14, title, intro, grid, Forms.errorLabel(errors, "form"), actions);
        card.getStyleClass().add(Styles.CARD);
        card.setPadding(new Insets(28));
        card.setMaxWidth(760);
        VBox holder = new VBox(card);
        holder.setAlignment(Pos.TOP_CENTER);
        holder.setPadding(new Insets(24));
        ScrollPane scroll = new ScrollPane(holder);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(new TopBar(ctx, i18n.bind("terminal.setup.subtitle"), null), scroll);
    }

    private static Label section(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    private static TextInputControl input(TextInputControl c, String id, StringProperty p) {
        c.setId(id);
        c.textProperty().bindBidirectional(p);
        return c;
    }
}
