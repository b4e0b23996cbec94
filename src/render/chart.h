// Charts as inline SVG markup, drawn on the server so that they work without JavaScript, print, and pass
// the Content-Security-Policy: presentation attributes only, never style="" or <style>. Each chart is an
// image (role="img") named by its <title> and described by its <desc>; the table of its figures beside
// it is the page's job.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corparent::render {

// Text safe inside XML (and HTML) elements and quoted attributes. Control characters XML 1.0 forbids are
// dropped.
std::string xml_escape(std::string_view text);

struct Series {
    // How a line is drawn: each style has its own colour, dash pattern and marker shape so that no line
    // is told apart by colour alone; the council's line is the thickest.
    enum class Style { Council, England, Region, Neighbours };

    std::string name;                           // shown in the legend
    std::vector<std::optional<double>> values;  // one per category; nullopt (no figure) breaks the line
    Style style = Style::Council;
};

struct LineChart {
    std::string title;    // the accessible name
    std::string summary;  // one sentence: what the chart shows
    std::vector<std::string> categories;  // along the x axis, e.g. "2020-21"
    std::vector<Series> series;
    std::string unit;                      // "%" or "" (or a word, shown after each tick: "days")
    std::optional<double> y_min, y_max;    // the y axis covers at least this range (else from 0)
    std::string id;  // prefix of the element ids, unique on the page; derived from the title when empty
};

// A trend across years.
std::string line_chart_svg(const LineChart& chart);

struct BarChart {
    std::string title;
    std::string summary;
    std::vector<std::string> categories;  // one bar each, labelled at the left
    std::vector<std::optional<double>> values;  // printed at the bar's end; nullopt: "No figure"
    std::string unit;
    std::string id;
};

// Horizontal bars, e.g. placement types or breakdown groups. The axis starts at zero.
std::string bar_chart_svg(const BarChart& chart);

}  // namespace corparent::render
