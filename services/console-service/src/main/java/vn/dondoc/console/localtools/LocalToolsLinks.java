package vn.dondoc.console.localtools;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page's navigation whether the local-stack pages exist. */
@ControllerAdvice
class LocalToolsLinks {

    private final LocalToolsProperties properties;

    LocalToolsLinks(LocalToolsProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute
    void links(Model model) {
        model.addAttribute("localTools", properties.localTools());
    }
}
