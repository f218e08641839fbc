package vn.dondoc.console.board;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /board}: tasks by lead unit in the official categories, with counts and overdue days. */
@Controller
class BoardPage {

    private final TaskBoard board;

    BoardPage(TaskBoard board) {
        this.board = board;
    }

    @GetMapping("/board")
    String board(Model model) {
        model.addAttribute("board", board.board());
        model.addAttribute("standings", List.of(Standing.IN_TIME, Standing.DUE_SOON, Standing.OVERDUE,
                Standing.DONE_ON_TIME, Standing.DONE_LATE, Standing.NO_DEADLINE));
        return "board";
    }
}
