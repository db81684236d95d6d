using Zylisp.Lang.Analysis.SpecialForms;
using Zylisp.Lang.Data;

namespace Zylisp.Lang.Analysis;

/// <summary>One special form: its name, argument shape and docstring, and the analyzer for it (null when the expander consumes it).</summary>
internal sealed record SpecialForm(string Name, string Arglist, string Doc, Func<Analyzer, PersistentList, Position, Node>? Analyze);

/// <summary>
/// The one registration table of special forms. <c>(doc if)</c> reads it, the analyzer
/// dispatches through it, and docs/design/core-forms.md lists the same set.
/// </summary>
internal static class SpecialFormTable
{
    private static readonly SpecialForm[] Table =
    [
        new("quote", "(quote datum)", "Returns datum unevaluated. 'x reads as (quote x).", QuoteForm.Analyze),
        new("if", "(if test then else?)", "Evaluates then when test is truthy, else the else branch (nil when absent).", IfForm.Analyze),
        new("do", "(do exprs*)", "Evaluates the expressions in order and returns the last value (nil when empty).", DoForm.Analyze),
        new("def", "(def name meta? value?)", "Defines or redefines the global name. meta is a literal map (:doc, :macro, :const, :arglists).", DefForm.Analyze),
        new("fn", "(fn name? meta? [params*] body*) or (fn name? meta? ([params*] body*)+)", "A function value. Parameters may end with & rest and may be destructuring patterns ([a b] or {:keys [a]}); several arities are allowed; name is bound to the function itself inside it. meta may carry :args and :return type annotations.", FnForm.Analyze),
        new("let", "(let [name value ...] body*)", "Binds names to values in order, then evaluates the body. A name may be a destructuring pattern: [a b & more :as all] or {a :a, :keys [b], :or {b 0}, :as m}. Also accepts ((name value) ...).", BindingForms.AnalyzeLet),
        new("loop", "(loop [name value ...] body*)", "Like let, and the target of recur.", BindingForms.AnalyzeLoop),
        new("recur", "(recur exprs*)", "Rebinds the nearest loop's (or fn's) bindings and jumps back. Only allowed in tail position.", BindingForms.AnalyzeRecur),
        new("try", "(try body* (catch :type? e handler*)* (finally cleanup*)?)", "Evaluates body; a thrown value (or runtime error value) is bound to e by the first catch that takes it: one without a type takes everything, (catch :arithmetic-error e ...) takes values whose :type matches; anything else is thrown on. cleanup always runs.", ExceptionForms.AnalyzeTry),
        new("throw", "(throw value)", "Throws any value to the nearest enclosing catch.", ExceptionForms.AnalyzeThrow),
        new("catch", "(catch e handler*)", "Part of try.", ExceptionForms.AnalyzeMisplaced),
        new("finally", "(finally cleanup*)", "Part of try.", ExceptionForms.AnalyzeMisplaced),
        new("defmacro", "(defmacro name doc? [params*] body*)", "Defines a macro: a function from forms to a form, run at expansion time.", null),
        new("syntax-quote", "`form", "Quotes form as a template: ~x inserts x, ~@xs splices xs, name# makes a fresh symbol.", null),
        new("dialect", "(dialect :slisp)", "Switches the rest of the compilation unit to SLisp rules (truthiness, str).", null),
        new("var", "(var name)", "The global var name resolves to, not its value. #'name reads as (var name); (meta #'name) is its metadata.", VarForm.Analyze),
    ];

    // A plain Dictionary, not a FrozenDictionary: freezing analyses the keys through dozens of
    // framework generics that ReadyToRun leaves to the JIT, ~5 ms on the first analysis of every
    // process, and a 15-entry table gains nothing from it.
    private static readonly Dictionary<string, SpecialForm> Forms = IndexByName(Table);

    public static IEnumerable<SpecialForm> All => Table;

    private static Dictionary<string, SpecialForm> IndexByName(SpecialForm[] forms)
    {
        var byName = new Dictionary<string, SpecialForm>(forms.Length, StringComparer.Ordinal);
        foreach (var form in forms)
        {
            byName.Add(form.Name, form);
        }

        return byName;
    }

    public static bool IsSpecial(string name) => Forms.ContainsKey(name);

    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SpecialForm? form) =>
        Forms.TryGetValue(name, out form);
}
