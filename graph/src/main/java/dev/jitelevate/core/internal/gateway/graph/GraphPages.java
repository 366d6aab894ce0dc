package dev.jitelevate.core.internal.gateway.graph;

import com.microsoft.graph.models.BaseCollectionPaginationCountResponse;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a Graph list to its end: Graph pages its lists and links the next page with {@code @odata.nextLink},
 * which is followed as it is. A lookup among a role's requests in a tenant with history finds its request on a
 * later page only this way.
 */
final class GraphPages {
  /** More pages than any PIM listing has: a service that keeps linking is answering wrongly. */
  static final int MAX_PAGES = 1000;

  private GraphPages() {}

  /**
   * Every item of a list, from its first page on.
   *
   * @param first the first page (null: an empty list)
   * @param values a page's items
   * @param next fetches the page behind a next link
   * @throws ElevationException when the service links more than {@value #MAX_PAGES} pages
   */
  static <P extends BaseCollectionPaginationCountResponse, T> List<T> all(P first, Function<P, List<T>> values,
      Function<String, P> next) {
    List<T> items = new ArrayList<>();
    P page = first;
    for (int pages = 1; page != null; pages++) {
      List<T> some = values.apply(page);
      if (some != null) {
        items.addAll(some);
      }
      String link = page.getOdataNextLink();
      if (link == null || link.isBlank()) {
        break;
      }
      if (pages >= MAX_PAGES) {
        throw new ElevationException(FailureKind.SERVICE_UNAVAILABLE, "Graph kept linking further pages after "
            + MAX_PAGES + " pages of one list; try again later.");
      }
      page = next.apply(link);
    }
    return items;
  }
}
