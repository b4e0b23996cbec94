// The SVG charts: well-formed, named for screen readers, free of inline styles (CSP), and drawn so that
// lines are told apart without colour.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "render/chart.h"

using namespace corparent::render;

namespace {

// "" when `xml` is one well-formed element (tags balanced, attributes quoted, entities known), else
// what is wrong.
std::string xml_problem(std::string_view xml) {
    const auto entity_ok = [&](std::size_t at) {
        const auto end = xml.find(';', at);
        if (end == std::string_view::npos) return false;
        const auto name = xml.substr(at + 1, end - at - 1);
        if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") return true;
        return name.size() > 1 && name[0] == '#' &&
               std::all_of(name.begin() + 1, name.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    std::vector<std::string> open;
    int roots = 0;
    std::size_t i = 0;
    while (i < xml.size()) {
        if (xml[i] == '&') {
            if (!entity_ok(i)) return "bad entity at " + std::to_string(i);
            ++i;
            continue;
        }
        if (xml[i] == '>') return "stray > at " + std::to_string(i);
        if (xml[i] != '<') {
            if (open.empty() && !std::isspace(static_cast<unsigned char>(xml[i]))) return "text outside the root";
            ++i;
            continue;
        }
        const auto name_at = i + (xml.substr(i, 2) == "</" ? 2 : 1);
        auto j = name_at;
        while (j < xml.size() && (std::isalnum(static_cast<unsigned char>(xml[j])) || xml[j] == '-' || xml[j] == ':'))
            ++j;
        const std::string name(xml.substr(name_at, j - name_at));
        if (name.empty()) return "tag without a name at " + std::to_string(i);
        if (name_at == i + 2) {
            if (j >= xml.size() || xml[j] != '>') return "bad end tag </" + name;
            if (open.empty() || open.back() != name) return "</" + name + "> closes nothing open";
            open.pop_back();
            i = j + 1;
            continue;
        }
        if (open.empty() && ++roots > 1) return "more than one root";
        std::set<std::string> attributes;
        while (true) {
            while (j < xml.size() && std::isspace(static_cast<unsigned char>(xml[j]))) ++j;
            if (j >= xml.size()) return "unterminated <" + name;
            if (xml.substr(j, 2) == "/>") {
                i = j + 2;
                break;
            }
            if (xml[j] == '>') {
                open.push_back(name);
                i = j + 1;
                break;
            }
            const auto eq = xml.find('=', j);
            if (eq == std::string_view::npos || eq + 1 >= xml.size() || xml[eq + 1] != '"')
                return "unquoted attribute in <" + name;
            const std::string attribute(xml.substr(j, eq - j));
            if (!attributes.insert(attribute).second) return "repeated " + attribute + " in <" + name;
            const auto close = xml.find('"', eq + 2);
            if (close == std::string_view::npos) return "unterminated attribute in <" + name;
            for (auto k = eq + 2; k < close; ++k) {
                if (xml[k] == '<') return "< in an attribute of <" + name;
                if (xml[k] == '&' && !entity_ok(k)) return "bad entity in an attribute of <" + name;
            }
            j = close + 1;
        }
    }
    if (!open.empty()) return "<" + open.back() + "> never closed";
    return roots == 1 ? "" : "no root element";
}

std::size_t count(std::string_view haystack, std::string_view needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

// The value of the first `name="..."` attribute from `from`.
std::string attribute(std::string_view svg, std::string_view name, std::size_t from = 0) {
    const std::string key = " " + std::string(name) + "=\"";
    const auto at = svg.find(key, from);
    if (at == std::string_view::npos) return {};
    const auto start = at + key.size();
    return std::string(svg.substr(start, svg.find('"', start) - start));
}

// The markup inside <g class="app-chart__<name>">.
std::string group(std::string_view svg, std::string_view name) {
    const std::string open = "<g class=\"app-chart__" + std::string(name) + "\">";
    const auto start = svg.find(open);
    if (start == std::string_view::npos) return {};
    return std::string(svg.substr(start + open.size(), svg.find("</g>", start) - start - open.size()));
}

// The content of every <text> element in `markup`, its lines (<tspan>s) joined by spaces.
std::vector<std::string> texts(std::string_view markup) {
    std::vector<std::string> out;
    for (auto at = markup.find("<text"); at != std::string_view::npos; at = markup.find("<text", at + 1)) {
        const auto start = markup.find('>', at) + 1;
        const auto inner = markup.substr(start, markup.find("</text>", start) - start);
        std::string content;
        bool in_tag = false;
        for (std::size_t i = 0; i < inner.size(); ++i) {
            if (inner.substr(i, 6) == "<tspan" && !content.empty()) content += ' ';
            if (inner[i] == '<' || inner[i] == '>')
                in_tag = inner[i] == '<';
            else if (!in_tag)
                content += inner[i];
        }
        out.push_back(content);
    }
    return out;
}

// "1,250%" -> 1250.
double number(std::string label) {
    label.erase(std::remove_if(label.begin(), label.end(), [](char c) { return c == ',' || c == '%'; }),
                label.end());
    return std::strtod(label.c_str(), nullptr);
}

std::vector<double> tick_values(std::string_view svg, std::string_view axis) {
    std::vector<double> out;
    for (const auto& t : texts(group(svg, axis))) out.push_back(number(t));
    return out;
}

// The checks every chart passes: well-formed, an image named by its <title> and described by its <desc>,
// scaling with its container, and no inline style for the CSP to block.
void expect_accessible_image(const std::string& svg, const std::string& title_markup) {
    EXPECT_EQ(xml_problem(svg), "") << svg;
    EXPECT_TRUE(svg.starts_with("<svg ")) << svg;
    EXPECT_EQ(attribute(svg, "role"), "img");
    EXPECT_EQ(attribute(svg, "width"), "100%");
    EXPECT_FALSE(attribute(svg, "viewBox").empty());
    EXPECT_EQ(svg.substr(0, svg.find('>')).find(" height="), std::string::npos) << "a fixed height stops scaling";
    EXPECT_EQ(svg.find("style"), std::string::npos) << "inline style: blocked by the CSP";

    const std::string labelledby = attribute(svg, "aria-labelledby");
    const auto space = labelledby.find(' ');
    ASSERT_NE(space, std::string::npos) << labelledby;
    const std::string title_id = labelledby.substr(0, space), desc_id = labelledby.substr(space + 1);
    EXPECT_NE(svg.find("<title id=\"" + title_id + "\">" + title_markup + "</title>"), std::string::npos) << svg;
    EXPECT_NE(svg.find("<desc id=\"" + desc_id + "\">"), std::string::npos) << svg;

    // Readable on a phone: no text smaller than 12 user units.
    for (auto at = svg.find("font-size=\""); at != std::string::npos; at = svg.find("font-size=\"", at + 1))
        EXPECT_GE(std::strtod(svg.c_str() + at + 11, nullptr), 12);
}

LineChart trend() {
    return {"Care leavers in education, employment or training",
            "The council's rate rose from 52% to 61%, above England's.",
            {"2020-21", "2021-22", "2022-23", "2023-24", "2024-25"},
            {{"Coventry", {52, 55, 58, 60, 61}, Series::Style::Council},
             {"England", {53, 52, 53, 55, 56}, Series::Style::England},
             {"West Midlands", {48, 50, 51, 52, 55}, Series::Style::Region},
             {"Statistical neighbours", {50, 51, 53, 54, 55}, Series::Style::Neighbours}},
            "%",
            {},
            {},
            {}};
}

BarChart placements() {
    return {"Placements on 31 March",
            "Most children live with foster carers.",
            {"Foster placement with relative or friend", "Foster placement with other foster carer",
             "Children's homes", "Adoption"},
            {12.5, 48, std::nullopt, 3},
            "%",
            {}};
}

}  // namespace

TEST(XmlEscape, EscapesMarkupCharacters) {
    EXPECT_EQ(xml_escape("a & b < c > d \"e\" 'f'"), "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
    EXPECT_EQ(xml_escape("Cafe\xC3\xA9 \xE2\x80\x94 ok"), "Cafe\xC3\xA9 \xE2\x80\x94 ok");
}

TEST(XmlEscape, DropsControlCharactersXmlForbids) {
    EXPECT_EQ(xml_escape(std::string("a\x01" "b\tc\nd\x1f", 8)), "ab\tc\nd");
}

TEST(XmlChecker, CatchesMalformedMarkup) {
    EXPECT_EQ(xml_problem("<a><b x=\"1\"/>t &amp; u</a>"), "");
    EXPECT_NE(xml_problem("<a><b></a></b>"), "");
    EXPECT_NE(xml_problem("<a>x & y</a>"), "");
    EXPECT_NE(xml_problem("<a x=1></a>"), "");
    EXPECT_NE(xml_problem("<a>"), "");
}

TEST(LineChart, IsAnAccessibleImage) {
    expect_accessible_image(line_chart_svg(trend()), "Care leavers in education, employment or training");
}

TEST(LineChart, EscapesText) {
    auto chart = trend();
    chart.title = "Rates <under 18> & \"others\"";
    chart.summary = "It's <b>bold</b>";
    chart.categories[0] = "<2021>";
    chart.series[0].name = "A & B";
    const auto svg = line_chart_svg(chart);
    expect_accessible_image(svg, "Rates &lt;under 18&gt; &amp; &quot;others&quot;");
    EXPECT_NE(svg.find("It&#39;s &lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
    EXPECT_NE(svg.find(">&lt;2021&gt;<"), std::string::npos);
    EXPECT_NE(svg.find(">A &amp; B<"), std::string::npos);
    EXPECT_EQ(svg.find("<b>"), std::string::npos);
}

TEST(LineChart, OneLinePerSeriesWithoutGaps) {
    const auto lines = group(line_chart_svg(trend()), "lines");
    EXPECT_EQ(count(lines, "<polyline"), 4u);
}

TEST(LineChart, AGapSplitsTheLine) {
    auto chart = trend();
    chart.series = {{"Coventry", {52, 55, std::nullopt, 60, 61}, Series::Style::Council}};
    auto lines = group(line_chart_svg(chart), "lines");
    EXPECT_EQ(count(lines, "<polyline"), 2u);
    EXPECT_EQ(count(lines, "<circle"), 4u) << "a marker for every figure";

    // An isolated figure has a marker but no line; a short list of values ends early.
    chart.series = {{"Coventry", {52, std::nullopt, 58, std::nullopt}, Series::Style::Council}};
    lines = group(line_chart_svg(chart), "lines");
    EXPECT_EQ(count(lines, "<polyline"), 0u);
    EXPECT_EQ(count(lines, "<circle"), 2u);
}

TEST(LineChart, LegendShowsEverySeriesWithItsLineAndMarker) {
    const auto chart = trend();
    const auto legend = group(line_chart_svg(chart), "legend");
    const auto names = texts(legend);
    ASSERT_EQ(names.size(), chart.series.size());
    for (std::size_t i = 0; i < names.size(); ++i) EXPECT_EQ(names[i], chart.series[i].name);
    EXPECT_EQ(count(legend, "<polyline"), 4u);
    EXPECT_EQ(count(legend, "<circle"), 1u);
    EXPECT_EQ(count(legend, "<rect"), 1u);
    EXPECT_EQ(count(legend, "<polygon"), 2u);  // triangle and diamond
}

TEST(LineChart, SeriesDifferInDashAndMarkerNotJustColour) {
    const auto lines = group(line_chart_svg(trend()), "lines");
    std::set<std::string> dashes, colours;
    double council_width = 0, widest_other = 0;
    for (auto at = lines.find("<polyline"); at != std::string::npos; at = lines.find("<polyline", at + 1)) {
        const auto tag = lines.substr(at, lines.find("/>", at) - at);
        dashes.insert(attribute(tag, "stroke-dasharray"));  // "" for the solid line
        colours.insert(attribute(tag, "stroke"));
        double& widest = attribute(tag, "stroke") == "#1d70b8" ? council_width : widest_other;
        widest = std::max(widest, std::strtod(attribute(tag, "stroke-width").c_str(), nullptr));
    }
    EXPECT_EQ(dashes.size(), 4u);
    EXPECT_EQ(colours.size(), 4u);
    EXPECT_GT(council_width, widest_other);
    EXPECT_EQ(count(lines, "<circle"), 5u);
    EXPECT_EQ(count(lines, "<rect"), 5u);
    EXPECT_EQ(count(lines, "<polygon"), 10u);
    // The council's line is drawn last, over the others.
    EXPECT_GT(lines.rfind("stroke=\"#1d70b8\""), lines.rfind("stroke=\"#0b0c0c\""));
}

TEST(LineChart, TicksAreRoundAndCoverTheData) {
    auto chart = trend();
    chart.unit = "";
    chart.series = {{"Coventry", {123, 480, std::nullopt, 1250, 940}, Series::Style::Council}};
    const auto svg = line_chart_svg(chart);
    const auto ticks = tick_values(svg, "y-axis");
    ASSERT_GE(ticks.size(), 4u);
    EXPECT_EQ(ticks.front(), 0) << "from zero by default";
    EXPECT_GE(ticks.back(), 1250);
    EXPECT_LT(ticks.back(), 1250 + (ticks[1] - ticks[0]));
    for (std::size_t i = 1; i < ticks.size(); ++i) EXPECT_EQ(ticks[i] - ticks[i - 1], ticks[1] - ticks[0]);
    EXPECT_TRUE(std::set<double>({100, 200, 250, 500}).count(ticks[1] - ticks[0])) << ticks[1];
    EXPECT_NE(svg.find(">1,200<"), std::string::npos) << "thousands separated";

    EXPECT_EQ(texts(group(svg, "x-axis")),
              (std::vector<std::string>{"2020-21", "2021-22", "2022-23", "2023-24", "2024-25"}));
}

TEST(LineChart, PercentagesStopAtOneHundred) {
    auto chart = trend();
    chart.series = {{"Coventry", {88, 91, 97, 95, 96}, Series::Style::Council}};
    const auto ticks = tick_values(line_chart_svg(chart), "y-axis");
    ASSERT_FALSE(ticks.empty());
    EXPECT_EQ(ticks.front(), 0);
    EXPECT_EQ(ticks.back(), 100);
    EXPECT_NE(line_chart_svg(chart).find(">100%<"), std::string::npos);
}

TEST(LineChart, AxisRangeCanBeSetAndStillCoversTheData) {
    auto chart = trend();
    chart.y_min = 40;
    chart.y_max = 70;
    auto ticks = tick_values(line_chart_svg(chart), "y-axis");
    ASSERT_FALSE(ticks.empty());
    EXPECT_EQ(ticks.front(), 40);
    EXPECT_EQ(ticks.back(), 70);

    chart.y_max = 50;  // the figures go to 61: the axis does too
    ticks = tick_values(line_chart_svg(chart), "y-axis");
    EXPECT_GE(ticks.back(), 61);
}

TEST(LineChart, NegativeAndFractionalFigures) {
    auto chart = trend();
    chart.unit = "";
    chart.series = {{"Change", {-0.4, 0.3, 1.2, -1.1, 0.0}, Series::Style::Council}};
    const auto svg = line_chart_svg(chart);
    EXPECT_EQ(xml_problem(svg), "");
    const auto ticks = tick_values(svg, "y-axis");
    ASSERT_FALSE(ticks.empty());
    EXPECT_LE(ticks.front(), -1.1);
    EXPECT_GE(ticks.back(), 1.2);
    EXPECT_NE(svg.find(">0.5<"), std::string::npos) << svg;
}

TEST(LineChart, ManyYearsLabelEveryFewEndingWithTheLatest) {
    auto chart = trend();
    chart.categories.clear();
    std::vector<std::optional<double>> values;
    for (int y = 2005; y < 2025; ++y) {
        chart.categories.push_back(std::to_string(y) + "-" + std::to_string((y + 1) % 100));
        values.push_back(y - 2000);
    }
    chart.series = {{"Coventry", values, Series::Style::Council}};
    const auto svg = line_chart_svg(chart);
    const auto labels = texts(group(svg, "x-axis"));
    EXPECT_LT(labels.size(), chart.categories.size());
    EXPECT_GE(labels.size(), 4u);
    EXPECT_EQ(labels.back(), "2024-25");
    EXPECT_EQ(count(group(svg, "x-axis"), "<line"), chart.categories.size() + 1) << "a tick for every year";
}

TEST(LineChart, EmptyChartIsStillWellFormed) {
    LineChart chart;
    chart.title = "Nothing yet";
    const auto svg = line_chart_svg(chart);
    expect_accessible_image(svg, "Nothing yet");
    EXPECT_EQ(count(svg, "<polyline"), 0u);
}

TEST(LineChart, IdsAreUniqueAndCanBeGiven) {
    auto a = trend(), b = trend();
    b.title = "Another chart";
    EXPECT_NE(attribute(line_chart_svg(a), "aria-labelledby"), attribute(line_chart_svg(b), "aria-labelledby"));
    a.id = "trend 1 <x>";
    EXPECT_EQ(attribute(line_chart_svg(a), "aria-labelledby"), "trend1x-title trend1x-desc");
    a.id = "2025";
    EXPECT_EQ(attribute(line_chart_svg(a), "aria-labelledby"), "chart-2025-title chart-2025-desc");
}

TEST(BarChart, IsAnAccessibleImage) {
    auto chart = placements();
    chart.title = "Placements <all> & more";
    expect_accessible_image(bar_chart_svg(chart), "Placements &lt;all&gt; &amp; more");
}

TEST(BarChart, OneBarPerFigureWithTheFigureAtItsEnd) {
    const auto svg = bar_chart_svg(placements());
    const auto bars = group(svg, "bars");
    EXPECT_EQ(count(bars, "<rect"), 3u) << "no bar for the missing figure";
    const auto labels = texts(bars);
    for (const char* expected : {"12.5%", "48.0%", "No figure", "3.0%", "Children&#39;s homes",
                                 "Foster placement with other foster carer"})
        EXPECT_NE(std::find(labels.begin(), labels.end(), expected), labels.end()) << expected;

    // The longest bar (the second) has its figure after its end, inside the chart.
    const auto longest = bars.find("<rect x=\"", bars.find(">12.5%<"));
    const double end = std::strtod(attribute(bars, "x", longest).c_str(), nullptr) +
                       std::strtod(attribute(bars, "width", longest).c_str(), nullptr);
    const auto figure = bars.find(">48.0%<");
    const double figure_x = std::strtod(attribute(bars, "x", bars.rfind("<text", figure)).c_str(), nullptr);
    EXPECT_GT(figure_x, end);
    EXPECT_LT(figure_x + 50, 640);
}

TEST(BarChart, LongLabelsWrap) {
    const auto bars = group(bar_chart_svg(placements()), "bars");
    EXPECT_NE(bars.find("<tspan"), std::string::npos);
    EXPECT_GT(count(bars, "<tspan"), 4u) << "the two long labels take two lines each";
}

TEST(BarChart, AxisStartsAtZeroAndCoversTheData) {
    auto chart = placements();
    chart.unit = "";
    chart.values = {120, 2450, 75, 980};
    const auto svg = bar_chart_svg(chart);
    const auto ticks = tick_values(svg, "x-axis");
    ASSERT_GE(ticks.size(), 2u);
    EXPECT_EQ(ticks.front(), 0);
    EXPECT_GE(ticks.back(), 2450);
    EXPECT_NE(svg.find(">2,450<"), std::string::npos);
}

TEST(BarChart, NegativeFiguresGoLeftOfZero) {
    auto chart = placements();
    chart.unit = "";
    chart.values = {-5, 10, std::nullopt, 3};
    const auto svg = bar_chart_svg(chart);
    EXPECT_EQ(xml_problem(svg), "");
    const auto ticks = tick_values(svg, "x-axis");
    ASSERT_FALSE(ticks.empty());
    EXPECT_LE(ticks.front(), -5);
    const auto bars = group(svg, "bars");
    const auto minus = bars.rfind("<text", bars.find(">-5<"));
    EXPECT_EQ(attribute(bars, "text-anchor", minus), "end");
    EXPECT_GT(std::strtod(attribute(bars, "x", minus).c_str(), nullptr), 0);
}

TEST(BarChart, EmptyChartIsStillWellFormed) {
    BarChart chart;
    chart.title = "Nothing yet";
    expect_accessible_image(bar_chart_svg(chart), "Nothing yet");
}

TEST(BarChart, FiguresShareOneDecimalWithHalvesRoundedUp) {
    auto chart = placements();
    chart.values = {7.25, 2, 0.05, 1200.5};
    chart.unit = "";
    const auto labels = texts(group(bar_chart_svg(chart), "bars"));
    for (const char* expected : {"7.3", "2.0", "0.1", "1,200.5"})
        EXPECT_NE(std::find(labels.begin(), labels.end(), expected), labels.end()) << expected;
}
