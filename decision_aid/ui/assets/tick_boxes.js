// A multi-choice question's tick boxes, drawn as one element (ui/tick_boxes.py).
// Native <input type="checkbox"> in a <fieldset> with the question as its <legend>: the browser
// gives names, roles, keyboard (Tab, Space) and focus. Each option's explanation is tied to its
// box with aria-describedby. Nothing here decides what is kept: a change is sent to Python
// (trigger "toggled"), which applies the "None of these" rule and sends back the ticks to show.
// On a new run the boxes are updated in place, so the box in focus keeps the focus.
export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  let box = parentElement.querySelector("fieldset.aid-boxes");
  const shape = JSON.stringify([data.id, data.legend, data.help, data.options]);
  if (!box || box.dataset.shape !== shape) {
    if (!box) {
      box = document.createElement("fieldset");
      box.className = "aid-boxes";
      parentElement.appendChild(box);
    }
    box.dataset.shape = shape;
    box.replaceChildren();
    const legend = document.createElement("legend");
    legend.textContent = data.legend;
    box.appendChild(legend);
    if (data.help) {
      const help = document.createElement("div");
      help.className = "aid-boxes-help";
      help.id = `${data.id}-help`;
      help.innerHTML = data.help; // made on the server from the content (markdown_html)
      box.setAttribute("aria-describedby", help.id);
      box.appendChild(help);
    }
    const list = document.createElement("div");
    list.className = "aid-box-list";
    box.appendChild(list);
    data.options.forEach((option, index) => {
      const row = document.createElement("div");
      row.className = "aid-box";
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "checkbox";
      input.value = option.code;
      input.name = data.id;
      const words = document.createElement("span");
      words.textContent = option.label;
      label.append(input, words);
      row.appendChild(label);
      if (option.explain) {
        const explain = document.createElement("div");
        explain.className = "aid-box-explain";
        explain.id = `${data.id}-${index}-explain`;
        explain.innerHTML = option.explain; // made on the server from the content (markdown_html)
        input.setAttribute("aria-describedby", explain.id);
        row.appendChild(explain);
      }
      list.appendChild(row);
    });
    box.onchange = (event) => {
      const ticked = [...box.querySelectorAll("input:checked")].map((input) => input.value);
      setTriggerValue("toggled", { ticked });
    };
  }
  for (const input of box.querySelectorAll("input")) {
    input.checked = data.ticked.includes(input.value);
  }
}
