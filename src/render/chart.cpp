#include "render/chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>

namespace corparent::render {

namespace {

// User units of the viewBox. The chart scales to its container, so at 390 px wide (a phone) a 640-unit
// chart is drawn at 0.61: 16-unit text is still about 10 px.
constexpr double kWidth = 640;
constexpr double kFont = 16;
constexpr double kBaselineShift = kFont * 0.35;  // puts text's middle on its y (dominant-baseline is unreliable)

// GOV.UK colours; every one meant to carry meaning has at least 3:1 contrast against white.
constexpr const char* kTextColour = "#0b0c0c";
constexpr const char* kGridColour = "#b1b4b6";
constexpr const char* kBarColour = "#1d70b8";

enum class Marker { Circle, Square, Triangle, Diamond };

// How each series is drawn, so that lines differ in dash and marker as well as colour (WCAG 1.4.1).
struct Look {
    const char* colour;
    const char* dash;  // stroke-dasharray, "" for solid
    double width;
    Marker marker;
    double size;  // marker radius
};

Look look_of(Series::Style style) {
    switch (style) {
        case Series::Style::Council: return {"#1d70b8", "", 4, Marker::Circle, 6};
        case Series::Style::England: return {"#0b0c0c", "10 6", 2.5, Marker::Square, 5};
        case Series::Style::Region: return {"#00703c", "3 4", 2.5, Marker::Triangle, 6.5};
        case Series::Style::Neighbours: return {"#6f72af", "14 5 3 5", 2.5, Marker::Diamond, 6.5};
    }
    return {"#1d70b8", "", 4, Marker::Circle, 6};
}

// A coordinate, short: one decimal at most.
std::string px(double v) {
    std::string s = fmt::format("{:.1f}", v);
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    return s == "-0" ? "0" : s;
}

// The server cannot measure text, so estimate its width in Arial (generously) to lay labels out.
double text_width(std::string_view text, double size = kFont) {
    double em = 0;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte: counted with its lead byte
        if (c >= 0x80)
            em += 0.65;
        else if (std::string_view("ijlI.,:;'|!").find(ch) != std::string_view::npos)
            em += 0.28;
        else if (std::string_view("frt ()[]-/").find(ch) != std::string_view::npos)
            em += 0.36;
        else if (std::string_view("mwMW%@").find(ch) != std::string_view::npos)
            em += 0.9;
        else if (c >= 'A' && c <= 'Z')
            em += 0.7;
        else
            em += 0.58;
    }
    return em * size;
}

// "1,234.5": thousands separated, as GOV.UK writes numbers.
std::string format_number(double v, int decimals) {
    // Halves round up, as in official statistics (fmt alone would round 7.25 to even, 7.2).
    const double scale = std::pow(10.0, decimals);
    std::string digits = fmt::format("{:.{}f}", std::round(std::abs(v) * scale) / scale, decimals);
    const bool negative = v < 0 && digits.find_first_of("123456789") != std::string::npos;
    const auto point = std::min(digits.find('.'), digits.size());
    for (auto i = static_cast<std::ptrdiff_t>(point) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return negative ? "-" + digits : digits;
}

std::string with_unit(std::string number, const std::string& unit) {
    if (unit.empty()) return number;
    return unit == "%" ? number + unit : number + " " + unit;
}

// Whole numbers when every figure is whole, else one decimal for all, so that one chart's labels agree
// (the page's table gives the figures in full).
int decimals_for(const std::vector<std::optional<double>>& values) {
    return std::all_of(values.begin(), values.end(),
                       [](const auto& v) { return !v || std::abs(*v - std::round(*v)) < 1e-9; })
               ? 0
               : 1;
}

// A value axis of round ticks (multiples of 1, 2 or 5 times a power of ten) covering [lo, hi].
struct Axis {
    double lo, hi, step;
    int decimals;

    int intervals() const { return static_cast<int>(std::lround((hi - lo) / step)); }
    double tick(int i) const { return lo + i * step; }
};

// With no range (no figures), 0 to 100 for percentages, else 0 to 10.
Axis nice_axis(double lo, double hi, bool percent, int target_intervals) {
    if (!(hi > lo)) hi = lo + (percent ? 100 : 10);
    const double raw = (hi - lo) / target_intervals;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / magnitude;
    const double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
    // A percentage axis stops at 100 when the figures do: 100 is a multiple of every step up to 20, and
    // figures to 100 never need more.
    return {std::floor(lo / step + 1e-9) * step, std::ceil(hi / step - 1e-9) * step, step,
            step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9))};
}

// The range of the values present, widened to include `also`.
std::pair<double, double> value_range(const std::vector<const std::vector<std::optional<double>>*>& lists,
                                      double also_lo, double also_hi) {
    double lo = also_lo, hi = also_hi;
    for (const auto* list : lists)
        for (const auto& v : *list)
            if (v && std::isfinite(*v)) {
                lo = std::min(lo, *v);
                hi = std::max(hi, *v);
            }
    return {lo, hi};
}

// The i-th figure, if there is one (a short or non-finite list has none).
std::optional<double> value_at(const std::vector<std::optional<double>>& values, std::size_t i) {
    if (i < values.size() && values[i] && std::isfinite(*values[i])) return values[i];
    return std::nullopt;
}

// Element ids must be unique on the page and valid XML names.
std::string id_prefix(const std::string& id, const std::string& title, const std::string& summary) {
    std::string out;
    for (char c : id)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
            out += c;
    if (!out.empty() && std::isalpha(static_cast<unsigned char>(out.front()))) return out;
    if (!out.empty()) return "chart-" + out;
    std::uint32_t hash = 2166136261u;  // FNV-1a: stable across runs, unlike std::hash
    for (char c : title + '\n' + summary) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return fmt::format("chart-{:08x}", hash);
}

std::string svg_open(double height, const std::string& id, const std::string& title, const std::string& summary) {
    // No height attribute: with width="100%" and the viewBox, the chart keeps its shape at any width.
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" width=\"100%\" viewBox=\"0 0 {} {}\" "
        "role=\"img\" aria-labelledby=\"{}-title {}-desc\" font-family=\"Arial, sans-serif\" font-size=\"{}\" "
        "fill=\"{}\">\n<title id=\"{}-title\">{}</title>\n<desc id=\"{}-desc\">{}</desc>\n",
        px(kWidth), px(height), id, id, px(kFont), kTextColour, id, xml_escape(title), id, xml_escape(summary));
}

std::string text(double x, double y, std::string_view anchor, std::string_view content) {
    return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>\n", px(x), px(y + kBaselineShift),
                       anchor, xml_escape(content));
}

std::string line(double x1, double y1, double x2, double y2, const char* colour, double width) {
    return fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>\n", px(x1),
                       px(y1), px(x2), px(y2), colour, px(width));
}

std::string marker(const Look& look, double x, double y) {
    // A white edge keeps markers apart from lines that cross them.
    const std::string paint = fmt::format("fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\"", look.colour);
    const double r = look.size;
    switch (look.marker) {
        case Marker::Circle:
            return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {}/>\n", px(x), px(y), px(r), paint);
        case Marker::Square:
            return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}/>\n", px(x - r), px(y - r),
                               px(2 * r), px(2 * r), paint);
        case Marker::Triangle:
            return fmt::format("<polygon points=\"{},{} {},{} {},{}\" {}/>\n", px(x), px(y - r), px(x + r),
                               px(y + 0.8 * r), px(x - r), px(y + 0.8 * r), paint);
        case Marker::Diamond:
            return fmt::format("<polygon points=\"{},{} {},{} {},{} {},{}\" {}/>\n", px(x), px(y - r), px(x + r),
                               px(y), px(x), px(y + r), px(x - r), px(y), paint);
    }
    return {};
}

std::string stroke_attributes(const Look& look) {
    std::string s = fmt::format("fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\"",
                                look.colour, px(look.width));
    if (*look.dash) s += fmt::format(" stroke-dasharray=\"{}\"", look.dash);
    return s;
}

// Words wrapped into lines no wider than `width` (a longer word keeps a line to itself).
std::vector<std::string> wrap(const std::string& label, double width) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= label.size()) {
        auto end = label.find(' ', start);
        if (end == std::string::npos) end = label.size();
        const std::string word = label.substr(start, end - start);
        if (!word.empty()) {
            if (!lines.empty() && text_width(lines.back() + " " + word) <= width)
                lines.back() += " " + word;
            else
                lines.push_back(word);
        }
        start = end + 1;
    }
    if (lines.empty()) lines.emplace_back();
    return lines;
}

// Every k-th label, counted back from the last (the latest year matters most), so that none overlap.
int label_stride(double widest, double spacing) {
    if (spacing <= 0) return 1;
    return std::max(1, static_cast<int>(std::ceil((widest + 12) / spacing)));
}

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
        }
    }
    return out;
}

std::string line_chart_svg(const LineChart& chart) {
    const std::size_t n = chart.categories.size();

    // Legend first, at the top, so that the key is read before the lines; it wraps onto more rows.
    constexpr double kSample = 40, kRowHeight = 28;
    std::vector<std::pair<double, double>> legend_at;
    double lx = 0, ly = kRowHeight / 2;
    for (const auto& s : chart.series) {
        const double w = kSample + 8 + text_width(s.name);
        if (lx > 0 && lx + w > kWidth) {
            lx = 0;
            ly += kRowHeight;
        }
        legend_at.emplace_back(lx, ly);
        lx += w + 24;
    }
    const double plot_top = chart.series.empty() ? 16 : ly + kRowHeight / 2 + 16;
    const double plot_bottom = plot_top + 240;
    const double height = plot_bottom + 40;

    std::vector<const std::vector<std::optional<double>>*> lists;
    for (const auto& s : chart.series) lists.push_back(&s.values);
    const bool percent = chart.unit == "%";
    // Zero is on the axis unless y_min says otherwise.
    const auto [lo, hi] = value_range(lists, chart.y_min.value_or(0), chart.y_max.value_or(0));
    const Axis axis = nice_axis(lo, hi, percent, 5);
    const auto y_of = [&](double v) {
        return plot_bottom - (v - axis.lo) / (axis.hi - axis.lo) * (plot_bottom - plot_top);
    };

    std::vector<std::string> ticks;
    double tick_width = 0;
    for (int i = 0; i <= axis.intervals(); ++i) {
        ticks.push_back(with_unit(format_number(axis.tick(i), axis.decimals), chart.unit));
        tick_width = std::max(tick_width, text_width(ticks.back()));
    }
    const double plot_left = tick_width + 16, plot_right = kWidth - 4;

    // Points are inset from the plot's edges by half the widest category label, so that labels stay inside.
    double widest = 0;
    for (const auto& c : chart.categories) widest = std::max(widest, text_width(c));
    const double inset = std::min(std::max(16.0, widest / 2 + 4), (plot_right - plot_left) / 4);
    const double spacing = n > 1 ? (plot_right - plot_left - 2 * inset) / static_cast<double>(n - 1) : 0;
    const auto x_of = [&](std::size_t i) {
        return n > 1 ? plot_left + inset + spacing * static_cast<double>(i) : (plot_left + plot_right) / 2;
    };

    std::string svg = svg_open(height, id_prefix(chart.id, chart.title, chart.summary), chart.title, chart.summary);

    svg += "<g class=\"app-chart__y-axis\">\n";
    for (int i = 0; i <= axis.intervals(); ++i) {
        const double y = y_of(axis.tick(i));
        svg += line(plot_left, y, plot_right, y, kGridColour, 1);
        svg += text(plot_left - 8, y, "end", ticks[static_cast<std::size_t>(i)]);
    }
    svg += "</g>\n<g class=\"app-chart__x-axis\">\n";
    svg += line(plot_left, plot_bottom, plot_right, plot_bottom, kTextColour, 1.5);
    const int stride = label_stride(widest, spacing);
    for (std::size_t i = 0; i < n; ++i) {
        svg += line(x_of(i), plot_bottom, x_of(i), plot_bottom + 6, kTextColour, 1.5);
        if ((n - 1 - i) % static_cast<std::size_t>(stride) == 0)
            svg += text(x_of(i), plot_bottom + 20, "middle", chart.categories[i]);
    }
    svg += "</g>\n<g class=\"app-chart__lines\">\n";

    // The council's line is drawn last, over the comparisons.
    std::vector<const Series*> order;
    for (const auto& s : chart.series) order.push_back(&s);
    std::stable_partition(order.begin(), order.end(),
                          [](const Series* s) { return s->style != Series::Style::Council; });
    for (const Series* s : order) {
        const Look look = look_of(s->style);
        std::string points, markers;
        std::size_t in_segment = 0;
        const auto end_segment = [&] {
            if (in_segment > 1) svg += fmt::format("<polyline points=\"{}\" {}/>\n", points, stroke_attributes(look));
            points.clear();
            in_segment = 0;
        };
        for (std::size_t i = 0; i < n; ++i) {
            const auto v = value_at(s->values, i);
            if (!v) {
                end_segment();
                continue;
            }
            if (in_segment++) points += ' ';
            points += px(x_of(i)) + "," + px(y_of(*v));
            markers += marker(look, x_of(i), y_of(*v));
        }
        end_segment();
        svg += markers;
    }
    svg += "</g>\n<g class=\"app-chart__legend\">\n";
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
        const Look look = look_of(chart.series[i].style);
        const auto [x, y] = legend_at[i];
        svg += fmt::format("<polyline points=\"{},{} {},{}\" {}/>\n", px(x), px(y), px(x + kSample), px(y),
                           stroke_attributes(look));
        svg += marker(look, x + kSample / 2, y);
        svg += text(x + kSample + 8, y, "start", chart.series[i].name);
    }
    svg += "</g>\n</svg>\n";
    return svg;
}

std::string bar_chart_svg(const BarChart& chart) {
    const std::size_t n = chart.categories.size();
    constexpr double kLineHeight = 20, kBar = 22, kTop = 4;

    // Labels wrap within at most 40% of the width.
    std::vector<std::vector<std::string>> labels;
    double label_width = 0;
    for (const auto& c : chart.categories) {
        labels.push_back(wrap(c, kWidth * 0.4));
        for (const auto& l : labels.back()) label_width = std::max(label_width, text_width(l));
    }
    label_width = std::min(label_width, kWidth * 0.5);  // an unbreakable long word must not squash the bars
    std::vector<double> row_top{kTop};
    for (const auto& l : labels)
        row_top.push_back(row_top.back() + std::max(36.0, static_cast<double>(l.size()) * kLineHeight + 14));
    const double plot_top = kTop, plot_bottom = row_top.back();
    const double height = plot_bottom + 40;

    const bool percent = chart.unit == "%";
    const auto [lo, hi] = value_range({&chart.values}, 0, 0);
    const Axis axis = nice_axis(lo, hi, percent, 4);
    const int decimals = decimals_for(chart.values);

    // Room beyond the longest bar each way for the figure printed at its end.
    std::vector<std::string> figures;
    double room_right = 0, room_left = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto v = value_at(chart.values, i);
        figures.push_back(v ? with_unit(format_number(*v, decimals), chart.unit) : "No figure");
        double& room = v.value_or(0) < 0 ? room_left : room_right;
        room = std::max(room, text_width(figures.back()) + 8);
    }
    const double plot_left = label_width + 12, plot_right = kWidth - 4;
    const double scale_left = plot_left + room_left, scale_right = plot_right - room_right;
    const auto x_of = [&](double v) {
        return scale_left + (v - axis.lo) / (axis.hi - axis.lo) * (scale_right - scale_left);
    };

    std::string svg = svg_open(height, id_prefix(chart.id, chart.title, chart.summary), chart.title, chart.summary);

    svg += "<g class=\"app-chart__x-axis\">\n";
    std::vector<std::string> ticks;
    double widest_tick = 0;
    for (int i = 0; i <= axis.intervals(); ++i) {
        ticks.push_back(with_unit(format_number(axis.tick(i), axis.decimals), chart.unit));
        widest_tick = std::max(widest_tick, text_width(ticks.back()));
    }
    const int stride = label_stride(widest_tick, (scale_right - scale_left) / axis.intervals());
    for (int i = 0; i <= axis.intervals(); ++i) {
        const double x = x_of(axis.tick(i));
        svg += line(x, plot_top, x, plot_bottom, kGridColour, 1);
        if (i % stride == 0) svg += text(x, plot_bottom + 20, "middle", ticks[static_cast<std::size_t>(i)]);
    }
    svg += "</g>\n<g class=\"app-chart__bars\">\n";
    const double zero = x_of(0);
    for (std::size_t i = 0; i < n; ++i) {
        const double middle = (row_top[i] + row_top[i + 1]) / 2;
        const double value = value_at(chart.values, i).value_or(0);
        const double end = x_of(value);
        if (end != zero)
            svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n",
                               px(std::min(zero, end)), px(middle - kBar / 2), px(std::abs(end - zero)), px(kBar),
                               kBarColour);
        const bool negative = value < 0;
        svg += text(negative ? end - 6 : end + 6, middle, negative ? "end" : "start", figures[i]);

        // A wrapped label is centred on its bar, line by line.
        const auto& lines = labels[i];
        svg += "<text text-anchor=\"end\">";
        for (std::size_t l = 0; l < lines.size(); ++l) {
            const double offset = static_cast<double>(l) - static_cast<double>(lines.size() - 1) / 2;
            const double y = middle + offset * kLineHeight;
            svg += fmt::format("<tspan x=\"{}\" y=\"{}\">{}</tspan>", px(label_width), px(y + kBaselineShift),
                               xml_escape(lines[l]));
        }
        svg += "</text>\n";
    }
    // The zero line over the bars' starts.
    svg += line(zero, plot_top, zero, plot_bottom, kTextColour, 1.5);
    svg += "</g>\n</svg>\n";
    return svg;
}

}  // namespace corparent::render
