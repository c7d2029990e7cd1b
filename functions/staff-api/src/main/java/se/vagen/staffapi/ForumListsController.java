package se.vagen.staffapi;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.List;
import java.util.Map;

/** Weekly follow-up-forum lists. Until the forum-list issue lands there are none. */
@Controller("/staff/forum-lists")
public class ForumListsController {

    @Get
    public Map<String, List<Object>> weeks() {
        return Map.of("items", List.of());
    }
}
