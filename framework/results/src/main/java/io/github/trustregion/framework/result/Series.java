package io.github.trustregion.framework.result;

import java.util.List;
import java.util.Objects;

/**
 * A small named table of numbers, for results that are not per-epoch curves (the subproblem
 * dynamics of E1, the interpolation path of E4).
 *
 * @param columns the column names
 * @param rows the rows, each as long as {@code columns}
 */
public record Series(List<String> columns, List<List<Double>> rows) {

  /** Checks that every row has one value per column. */
  public Series {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != columns.size()) {
        throw new IllegalArgumentException(
            "Row "
                + i
                + " has "
                + rows.get(i).size()
                + " values but the series has "
                + columns.size()
                + " columns "
                + columns
                + ".");
      }
    }
  }

  /** Returns the values of one column, in row order. */
  public List<Double> column(String name) {
    int index = columns.indexOf(Objects.requireNonNull(name));
    if (index < 0) {
      throw new IllegalArgumentException(
          "No column '" + name + "' in series with columns " + columns + ".");
    }
    return rows.stream().map(row -> row.get(index)).toList();
  }
}
