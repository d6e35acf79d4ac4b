import TerminalUI

/// The form's share of the screen: a header line, the fields (or the raw JSON), the checks panel.
/// The update and the view share it, so the raw editor pages by what is drawn.
/// With "What Entra will set" shown the panel grows to half the body, so a user's computed
/// attributes are read beside the fields they come from.
struct FormLayout {
    var body: Rect
    var computed = false
    init(size: Size, computed: Bool = false) {
        body = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
        self.computed = computed
    }
    var header: Rect { Rect(x: body.x, y: body.y, width: body.width, height: 1) }
    var panelHeight: Int {
        if computed { return max(3, (body.height - 1) / 2 + 2) }
        return body.height >= 20 ? 6 : 3
    }
    var fields: Rect { Rect(x: body.x + 1, y: body.y + 1, width: body.width - 2, height: max(1, body.height - 1 - panelHeight)) }
    var panel: Rect { Rect(x: body.x, y: fields.maxY, width: body.width, height: max(0, body.maxY - fields.maxY)) }
}
