// A question's options drawn as one element (ui/option_lists.py): tick boxes for a multi-choice
// question, radio buttons for the others. Native <input type="checkbox|radio"> in a <fieldset>
// with the question as its <legend>: the browser gives names, roles, keyboard (Tab, Space, arrow
// keys within radio buttons) and focus. The question's note and each option's explanation are
// tied to it with aria-describedby. Nothing here decides what is kept: a change is sent to Python
// (trigger "toggled", every code then chosen), which applies the rules and sends back what to
// show. On a new run the inputs are updated in place, so the one in focus keeps the focus.
export default function (component) {
  const { setTriggerValue, parentElement } = component;
  const [data] = component.data; // sent in a list of one (see ui/option_lists.py)
  let box = parentElement.querySelector("fieldset.aid-options");
  const shape = JSON.stringify([data.id, data.kind, data.horizontal, data.legend, data.help, data.options]);
  if (!box || box.dataset.shape !== shape) {
    if (!box) {
      box = document.createElement("fieldset");
      parentElement.appendChild(box);
    }
    box.className = `aid-options aid-${data.kind}${data.horizontal ? " aid-across" : ""}`;
    box.dataset.shape = shape;
    box.replaceChildren();
    box.removeAttribute("aria-describedby");
    const legend = document.createElement("legend");
    legend.textContent = data.legend;
    box.appendChild(legend);
    if (data.help) {
      const help = document.createElement("div");
      help.className = "aid-options-help";
      help.id = `${data.id}-help`;
      help.innerHTML = data.help; // made on the server from the content (markdown_html)
      box.setAttribute("aria-describedby", help.id);
      box.appendChild(help);
    }
    const list = document.createElement("div");
    list.className = "aid-option-list";
    box.appendChild(list);
    data.options.forEach((option, index) => {
      const row = document.createElement("div");
      row.className = "aid-option";
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = data.kind;
      input.value = option.code;
      input.name = data.id;
      const words = document.createElement("span");
      words.textContent = option.label;
      label.append(input, words);
      row.appendChild(label);
      if (option.explain) {
        const explain = document.createElement("div");
        explain.className = "aid-option-explain";
        explain.id = `${data.id}-${index}-explain`;
        explain.innerHTML = option.explain; // made on the server from the content (markdown_html)
        input.setAttribute("aria-describedby", explain.id);
        row.appendChild(explain);
      }
      list.appendChild(row);
    });
    box.onchange = () => {
      const chosen = [...box.querySelectorAll("input:checked")].map((input) => input.value);
      setTriggerValue("toggled", { chosen });
    };
  }
  for (const input of box.querySelectorAll("input")) {
    input.checked = data.chosen.includes(input.value);
  }
}
