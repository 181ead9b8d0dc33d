package dev.confab.client.ui.contacts;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The people this user blocked, each with an Unblock button (or select one and press Enter), a sentence when there
 * are none, and what went wrong when unblocking failed. Binds to a {@link BlockedPeopleViewModel}. UI thread only.
 */
public final class BlockedPeopleView {
    private final VBox root;

    public BlockedPeopleView(BlockedPeopleViewModel model) {
        Label intro = new Label("People you blocked cannot ask to be your contact, message you, call you or see whether"
                + " you are online. Select someone and press Enter, or click Unblock.");
        intro.setWrapText(true);
        ListView<BlockedPerson> list = new ListView<>(model.people());
        list.setId("blocked-people");
        list.setPlaceholder(new Label("You have not blocked anyone."));
        list.setPrefHeight(220);
        list.setCellFactory(_ -> new PersonCell(model));
        list.setOnKeyPressed(e -> {
            BlockedPerson selected = list.getSelectionModel().getSelectedItem();
            if (selected != null && !model.busyProperty().get()
                    && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DELETE)) {
                model.unblock(selected);
                e.consume();
            }
        });
        Label problem = new Label();
        problem.setId("blocked-people-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        root = new VBox(12, intro, list, problem);
    }

    public Node root() {
        return root;
    }

    /** A row: the name with the username, and its Unblock button. */
    private static final class PersonCell extends ListCell<BlockedPerson> {
        private final BlockedPeopleViewModel model;

        PersonCell(BlockedPeopleViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(BlockedPerson person, boolean empty) {
            super.updateItem(person, empty);
            if (empty || person == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(person.name().equals(person.username()) ? person.name()
                    : person.name() + " (" + person.username() + ")");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Button unblock = new Button("Unblock");
            unblock.setId("unblock-" + person.username());
            unblock.disableProperty().bind(model.busyProperty());
            unblock.setOnAction(_ -> model.unblock(person));
            HBox row = new HBox(12, name, gap, unblock);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
